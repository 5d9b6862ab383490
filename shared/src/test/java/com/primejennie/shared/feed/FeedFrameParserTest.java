package com.primejennie.shared.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;

class FeedFrameParserTest {

    private final KisFrameParser parser = new KisFrameParser();

    @Test
    void parsesEveryRecordOfAMultiRecordFrameNotOnlyTheFirst_quirkFirstRecordOnlyFixed() {
        String frame = KisFrames.tradeFrame(
                KisFrames.trade("005930", "090001", 70100, 70500, 12, 1000),
                KisFrames.trade("005930", "090002", 70200, 70500, 30, 1030),
                KisFrames.trade("000660", "090002", 130000, 131000, 7, 500));

        FeedFrame.Trades trades = (FeedFrame.Trades) parser.parse(frame);

        assertThat(trades.ticks()).containsExactly(
                new TradeTick("005930", "090001", 70100, 70500, 12, 1000, "20261126"),
                new TradeTick("005930", "090002", 70200, 70500, 30, 1030, "20261126"),
                new TradeTick("000660", "090002", 130000, 131000, 7, 500, "20261126"));
        assertThat(trades.malformed()).isZero();
    }

    @Test
    void takesTheDayHighFromIndex8NotTheChangeRateAtIndex5_quirkHighWasPrdyCtrtFixed() {
        TradeTick tick = single(KisFrames.trade("005930", "093000", 70100, 71500, 1, 1));

        assertThat(tick.high()).isEqualTo(71500); // index 5 holds PRDY_CTRT "1.23"
    }

    @Test
    void takesPerTradeVolumeCntgVolAtIndex12NotAskp1OrCumulative_defectVolumeAlwaysZeroFixed() {
        TradeTick tick = single(KisFrames.trade("005930", "093000", 70100, 71500, 37, 123456));

        assertThat(tick.volume()).isEqualTo(37);            // not ASKP1 (70200, index 10), not ACML_VOL
        assertThat(tick.cumulativeVolume()).isEqualTo(123456);
        assertThat(tick.time()).isEqualTo("093000");
    }

    @Test
    void skipsAMalformedRecordButKeepsTheOthersOfTheFrame() {
        String good = KisFrames.trade("005930", "090001", 70100, 70500, 12, 1000);
        String bad = KisFrames.tradeRecord(Map.of("MKSC_SHRN_ISCD", "000660", "STCK_PRPR", "abc"));

        FeedFrame.Trades trades = (FeedFrame.Trades) parser.parse(KisFrames.tradeFrame(good, bad));

        assertThat(trades.ticks()).extracting(TradeTick::code).containsExactly("005930");
        assertThat(trades.malformed()).isEqualTo(1);
    }

    @Test
    void recognisesPingPongSoItCanBeEchoed() {
        String ping = "{\"header\":{\"tr_id\":\"PINGPONG\",\"datetime\":\"20261126090000\"}}";

        assertThat(parser.parse(ping)).isEqualTo(new FeedFrame.PingPong(ping));
    }

    @Test
    void readsSubscribeRepliesIncludingRefusals() {
        FeedFrame ok = parser.parse("{\"header\":{\"tr_id\":\"H0STCNT0\",\"tr_key\":\"005930\",\"encrypt\":\"N\"},"
                + "\"body\":{\"rt_cd\":\"0\",\"msg_cd\":\"OPSP0000\",\"msg1\":\"SUBSCRIBE SUCCESS\","
                + "\"output\":{\"iv\":\"\",\"key\":\"\"}}}");
        FeedFrame refused = parser.parse("{\"header\":{\"tr_id\":\"H0STCNT0\",\"tr_key\":\"035720\"},"
                + "\"body\":{\"rt_cd\":\"1\",\"msg_cd\":\"OPSP0008\",\"msg1\":\"MAX SUBSCRIBE OVER\"}}");

        assertThat(ok).isEqualTo(new FeedFrame.Reply("H0STCNT0", "005930", true, "OPSP0000", "SUBSCRIBE SUCCESS",
                "", ""));
        assertThat(((FeedFrame.Reply) refused).ok()).isFalse();
        assertThat(((FeedFrame.Reply) refused).trKey()).isEqualTo("035720");
    }

    @Test
    void decryptsEncryptedFillNoticesWithTheKeyFromTheSubscribeReply() throws Exception {
        String key = "0123456789abcdef0123456789abcdef";
        String iv = "fedcba9876543210";
        parser.parse("{\"header\":{\"tr_id\":\"H0STCNI0\",\"tr_key\":\"jennie\",\"encrypt\":\"Y\"},"
                + "\"body\":{\"rt_cd\":\"0\",\"msg_cd\":\"OPSP0000\",\"msg1\":\"SUBSCRIBE SUCCESS\","
                + "\"output\":{\"iv\":\"" + iv + "\",\"key\":\"" + key + "\"}}}");
        String plain = KisFrames.notice("0000123456", "01", "005930", 10, 70100, "093015", true);

        FeedFrame frame = parser.parse("1|H0STCNI0|001|" + encrypt(plain, key, iv));

        assertThat(((FeedFrame.Fills) frame).notices()).containsExactly(new FillNotice("0000123456", "", "SELL",
                "005930", 10, 70100, "093015", true, false, 10, 70100, "5012345601"));
    }

    @Test
    void readsPlainPaperFillNoticesToo() {
        String plain = KisFrames.notice("0000000777", "02", "000660", 3, 130000, "100000", false);

        FeedFrame.Fills fills = (FeedFrame.Fills) parser.parse("0|H0STCNI9|001|" + plain);

        assertThat(fills.notices()).singleElement().satisfies(n -> {
            assertThat(n.side()).isEqualTo("BUY");
            assertThat(n.filled()).isFalse();
            assertThat(n.code()).isEqualTo("000660");
        });
    }

    @Test
    void ignoresGarbageWithoutThrowing() {
        assertThat(parser.parse("")).isInstanceOf(FeedFrame.Ignored.class);
        assertThat(parser.parse("hello")).isInstanceOf(FeedFrame.Ignored.class);
        assertThat(parser.parse("0|H0STCNT0|x|1^2")).isInstanceOf(FeedFrame.Ignored.class);
        assertThat(parser.parse("{not json")).isInstanceOf(FeedFrame.Ignored.class);
        assertThat(parser.parse("1|H0STCNI0|001|abc")).isInstanceOf(FeedFrame.Ignored.class);
        assertThat(parser.parse("0|H0STASP0|001|1^2^3")).isInstanceOf(FeedFrame.Ignored.class);
    }

    private TradeTick single(String record) {
        return ((FeedFrame.Trades) parser.parse(KisFrames.tradeFrame(record))).ticks().get(0);
    }

    static String encrypt(String plain, String key, String iv) throws Exception {
        Cipher cipher = Cipher.getInstance("AES/CBC/PKCS5Padding");
        cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "AES"),
                new IvParameterSpec(iv.getBytes(StandardCharsets.UTF_8)));
        return Base64.getEncoder().encodeToString(cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8)));
    }
}
