package com.primejennie.shared.notify;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the suite's Korean message text, written in legacy-Markdown style ({@code *bold*}, {@code `code`}), into
 * Telegram HTML ({@code parse_mode=HTML}) so it renders as intended.
 *
 * <p>The Python sender backslash-escaped {@code _ * [ ]} and sent legacy Markdown, so bold markers showed up as
 * literal asterisks, and an unpaired backtick (e.g. in an exception text) made Telegram reject the whole message
 * [QUIRK, fixed]. Here only a {@code *...*} pair on one line (no space just inside the stars) becomes bold and a
 * {@code `...`} pair on one line becomes code; everything else, including {@code _}, {@code [}, lone {@code *} and
 * lone backticks, is literal text, and {@code & < >} are escaped, so no input can break the parser.
 */
public final class TelegramMarkup {

    private static final Pattern MARKUP = Pattern.compile("`([^`\\n]+)`|\\*([^\\s*](?:[^*\\n]*[^\\s*])?)\\*");

    private TelegramMarkup() {
    }

    /** The HTML body for {@code parse_mode=HTML}. */
    public static String toHtml(String text) {
        StringBuilder html = new StringBuilder(text.length() + 16);
        Matcher matcher = MARKUP.matcher(text);
        int last = 0;
        while (matcher.find()) {
            html.append(escape(text.substring(last, matcher.start())));
            if (matcher.group(1) != null) {
                html.append("<code>").append(escape(matcher.group(1))).append("</code>");
            } else {
                html.append("<b>").append(escape(matcher.group(2))).append("</b>");
            }
            last = matcher.end();
        }
        html.append(escape(text.substring(last)));
        return html.toString();
    }

    /** Escapes the three characters Telegram HTML reserves. */
    public static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }
}
