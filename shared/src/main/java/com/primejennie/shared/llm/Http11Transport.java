package com.primejennie.shared.llm;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import com.openai.core.RequestOptions;
import com.openai.core.Timeout;
import com.openai.core.http.Headers;
import com.openai.core.http.HttpClient;
import com.openai.core.http.HttpRequest;
import com.openai.core.http.HttpRequestBody;
import com.openai.core.http.HttpResponse;
import com.openai.errors.OpenAIIoException;

import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okio.BufferedSink;

/**
 * The openai-java SDK's transport, pinned to HTTP/1.1 (vLLM's uvicorn speaks nothing else, and a pinned protocol
 * keeps cloud providers behaving the same), with one timeout for connect, read and write, no silent OkHttp retries,
 * and no {@code Authorization} header when the provider has no key. Spring AI's own OkHttp transport cannot pin the
 * protocol, hence this small adapter. The request timeout of each call's options bounds the call as a whole, which
 * is how a call's overall deadline cuts an HTTP attempt short.
 */
final class Http11Transport implements HttpClient {

    private final OkHttpClient okHttp;
    private final boolean stripAuthorization;

    Http11Transport(Duration timeout, boolean stripAuthorization) {
        this.okHttp = new OkHttpClient.Builder()
                .protocols(List.of(Protocol.HTTP_1_1))
                .connectTimeout(timeout)
                .readTimeout(timeout)
                .writeTimeout(timeout)
                .retryOnConnectionFailure(false)
                .build();
        this.stripAuthorization = stripAuthorization;
    }

    @Override
    public HttpResponse execute(HttpRequest request, RequestOptions options) {
        try {
            return adapt(newCall(request, options).execute());
        } catch (IOException e) {
            throw new OpenAIIoException("Request failed", e);
        }
    }

    @Override
    public CompletableFuture<HttpResponse> executeAsync(HttpRequest request, RequestOptions options) {
        CompletableFuture<HttpResponse> future = new CompletableFuture<>();
        newCall(request, options).enqueue(new Callback() {
            @Override
            public void onResponse(Call call, Response response) {
                future.complete(adapt(response));
            }

            @Override
            public void onFailure(Call call, IOException e) {
                future.completeExceptionally(new OpenAIIoException("Request failed", e));
            }
        });
        return future;
    }

    /** A call bounded as a whole by the request timeout of the options (the rest of a call's deadline). */
    private Call newCall(HttpRequest request, RequestOptions options) {
        Call call = okHttp.newCall(toOkHttp(request));
        Timeout timeout = options == null ? null : options.getTimeout();
        if (timeout != null && timeout.request() != null && !timeout.request().isNegative()
                && !timeout.request().isZero()) {
            call.timeout().timeout(timeout.request().toNanos(), TimeUnit.NANOSECONDS);
        }
        return call;
    }

    private Request toOkHttp(HttpRequest request) {
        Request.Builder builder = new Request.Builder().url(request.url());
        Headers headers = request.headers();
        for (String name : headers.names()) {
            if (stripAuthorization && name.equalsIgnoreCase("Authorization")) {
                continue;
            }
            headers.values(name).forEach(value -> builder.addHeader(name, value));
        }
        HttpRequestBody body = request.body();
        builder.method(request.method().name(), body == null ? null : new RequestBody() {
            @Override
            public MediaType contentType() {
                return body.contentType() == null ? null : MediaType.parse(body.contentType());
            }

            @Override
            public long contentLength() {
                return body.contentLength();
            }

            @Override
            public void writeTo(BufferedSink sink) {
                body.writeTo(sink.outputStream());
            }
        });
        return builder.build();
    }

    private static HttpResponse adapt(Response response) {
        Headers.Builder headers = Headers.builder();
        response.headers().names().forEach(name -> headers.put(name, response.headers(name)));
        Headers built = headers.build();
        return new HttpResponse() {
            @Override
            public int statusCode() {
                return response.code();
            }

            @Override
            public Headers headers() {
                return built;
            }

            @Override
            public InputStream body() {
                return response.body() == null ? InputStream.nullInputStream() : response.body().byteStream();
            }

            @Override
            public void close() {
                response.close();
            }
        };
    }

    /** The protocols the transport will negotiate: HTTP/1.1 only. */
    List<Protocol> protocols() {
        return okHttp.protocols();
    }

    @Override
    public void close() {
        okHttp.dispatcher().executorService().shutdown();
        okHttp.connectionPool().evictAll();
    }
}
