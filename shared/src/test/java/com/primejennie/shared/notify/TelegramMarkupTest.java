package com.primejennie.shared.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The spec's messages are legacy Markdown ({@code *매도 체결*}); the Python sender escaped the stars so bold showed
 * literally, and an unpaired backtick got the whole message rejected [QUIRK, fixed]. Here they render as HTML.
 */
class TelegramMarkupTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "📈 *매도 체결*                        | 📈 <b>매도 체결</b>",
            "🧪 *[MOCK 테스트]*                    | 🧪 <b>[MOCK 테스트]</b>",
            "사유: stop_loss_atr [ATR Stop]         | 사유: stop_loss_atr [ATR Stop]",
            "손익: -12,300원 (-1.72%)              | 손익: -12,300원 (-1.72%)",
            "2 * 3 = 6                              | 2 * 3 = 6",
            "a * b * c                              | a * b * c",
            "**                                     | **",
            "*굵게* 그리고 *또*                     | <b>굵게</b> 그리고 <b>또</b>",
            "코드 `005930` 조회                     | 코드 <code>005930</code> 조회",
            "오류: unbalanced ` backtick            | 오류: unbalanced ` backtick",
            "`*not bold*`                           | <code>*not bold*</code>",
            "<script> & \"quotes\"                   | &lt;script&gt; &amp; \"quotes\"",
            "*a < b*                                | <b>a &lt; b</b>",
    })
    void rendersBoldAndCodeAndEscapesEverythingElse(String text, String html) {
        assertThat(TelegramMarkup.toHtml(text.strip())).isEqualTo(html.strip());
    }

    @ParameterizedTest(name = "star pair across lines stays literal")
    @CsvSource("x")
    void boldNeverSpansLines(String ignored) {
        String text = String.join("\n", List.of("*시작", "끝*"));
        assertThat(TelegramMarkup.toHtml(text)).isEqualTo(text);
    }
}
