package com.primejennie.shared.feed;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the text frames of the KIS real-time WebSocket.
 *
 * <p>Data frames look like {@code flag|tr_id|count|payload}; the payload holds {@code count} records of {@code ^}-separated
 * fields back to back. The Python gateway read only the first record and took index 5 (the % change) as the high
 * <b>[QUIRK, fixed]</b>: this parser returns <em>every</em> record and takes the high from index 8. Flag {@code 1} means
 * the payload is AES-256-CBC encrypted with the key and iv KIS sent in the subscribe reply (KIS does this for fill
 * notices); the parser remembers them per tr_id from {@link FeedFrame.Reply} frames it has parsed.
 *
 * <p>Never throws on input: bad records are counted as malformed and skipped, bad frames become
 * {@link FeedFrame.Ignored}, so one broken frame cannot stop the feed.
 */
public final class KisFrameParser {

    /** KIS tr_id of a real-time trade record. */
    public static final String TRADE_TR_ID = "H0STCNT0";
    /** KIS tr_id of the real account's execution notice. */
    public static final String FILL_TR_ID_REAL = "H0STCNI0";
    /** KIS tr_id of the paper account's execution notice. */
    public static final String FILL_TR_ID_PAPER = "H0STCNI9";

    /** Field count of one H0STCNT0 record (api.json {@code websocket.ccnl_krx}). */
    public static final int TRADE_FIELDS = 46;
    /** Field count of one H0STCNI0 record (api.json {@code websocket.ccnl_notice}). */
    public static final int FILL_FIELDS = 26;

    static final int CODE = 0;
    static final int TIME = 1;
    static final int PRICE = 2;
    static final int HIGH = 8;
    static final int CNTG_VOL = 12;
    static final int ACML_VOL = 13;
    static final int BSOP_DATE = 33;

    private final JsonMapper json = JsonMapper.shared();
    private final Map<String, String[]> cipherByTrId = new ConcurrentHashMap<>();

    /** Parses one text frame. */
    public FeedFrame parse(String text) {
        if (text == null || text.isEmpty()) {
            return new FeedFrame.Ignored("empty frame");
        }
        char first = text.charAt(0);
        if (first == '{') {
            return parseJson(text);
        }
        if (first != '0' && first != '1') {
            return new FeedFrame.Ignored("unknown frame start '" + first + "'");
        }
        String[] parts = text.split("\\|", 4);
        if (parts.length < 4) {
            return new FeedFrame.Ignored("data frame without 4 '|' parts");
        }
        String trId = parts[1];
        int count;
        try {
            count = Integer.parseInt(parts[2].trim());
        } catch (NumberFormatException e) {
            return new FeedFrame.Ignored("bad record count '" + parts[2] + "'");
        }
        String payload = parts[3];
        if (first == '1') {
            String[] cipher = cipherByTrId.get(trId);
            if (cipher == null) {
                return new FeedFrame.Ignored("encrypted " + trId + " frame before its key arrived");
            }
            try {
                payload = decrypt(payload, cipher[0], cipher[1]);
            } catch (GeneralSecurityException | IllegalArgumentException e) {
                return new FeedFrame.Ignored("cannot decrypt " + trId + ": " + e.getMessage());
            }
        }
        String[] fields = payload.split("\\^", -1);
        return switch (trId) {
            case TRADE_TR_ID -> trades(fields, count);
            case FILL_TR_ID_REAL, FILL_TR_ID_PAPER -> fills(fields, count);
            default -> new FeedFrame.Ignored("tr_id " + trId + " not used");
        };
    }

    private FeedFrame trades(String[] fields, int count) {
        int width = recordWidth(fields.length, count, TRADE_FIELDS);
        List<TradeTick> ticks = new ArrayList<>(Math.max(count, 0));
        int malformed = 0;
        for (int r = 0; r < count; r++) {
            int base = r * width;
            if (width <= PRICE || base + CNTG_VOL >= fields.length) {
                malformed++;
                continue;
            }
            try {
                String code = fields[base + CODE].trim();
                long price = parsePrice(fields[base + PRICE]);
                if (code.isEmpty() || price <= 0) {
                    malformed++;
                    continue;
                }
                long high = parsePrice(fields[base + HIGH]);
                long vol = parseLongOr0(fields[base + CNTG_VOL]);
                long acml = base + ACML_VOL < fields.length ? parseLongOr0(fields[base + ACML_VOL]) : 0;
                String date = width > BSOP_DATE && base + BSOP_DATE < fields.length
                        ? fields[base + BSOP_DATE].trim() : "";
                ticks.add(new TradeTick(code, fields[base + TIME].trim(), price, Math.max(high, price), vol, acml,
                        date));
            } catch (NumberFormatException e) {
                malformed++;
            }
        }
        return new FeedFrame.Trades(List.copyOf(ticks), malformed);
    }

    private FeedFrame fills(String[] fields, int count) {
        int width = recordWidth(fields.length, count, FILL_FIELDS);
        List<FillNotice> notices = new ArrayList<>();
        int malformed = 0;
        for (int r = 0; r < count; r++) {
            int base = r * width;
            if (width < 17 || base + 16 >= fields.length) {
                malformed++;
                continue;
            }
            try {
                String sideCode = fields[base + 4].trim();
                String side = switch (sideCode) {
                    case "01" -> "SELL";
                    case "02" -> "BUY";
                    default -> sideCode;
                };
                long orderPrice = base + 25 < fields.length ? parseLongOr0(fields[base + 25]) : 0;
                notices.add(new FillNotice(fields[base + 2].trim(), fields[base + 3].trim(), side,
                        fields[base + 8].trim(), parseLongOr0(fields[base + 9]), parseLongOr0(fields[base + 10]),
                        fields[base + 11].trim(), "2".equals(fields[base + 13].trim()),
                        "Y".equalsIgnoreCase(fields[base + 12].trim()), parseLongOr0(fields[base + 16]),
                        orderPrice, fields[base + 1].trim()));
            } catch (NumberFormatException e) {
                malformed++;
            }
        }
        return new FeedFrame.Fills(List.copyOf(notices), malformed);
    }

    /**
     * The number of fields per record: the documented width when the payload holds exactly that many per record,
     * else the width the payload itself implies (KIS has appended fields before), else the documented width.
     */
    private static int recordWidth(int total, int count, int documented) {
        if (count <= 0) {
            return documented;
        }
        if (total == documented * count) {
            return documented;
        }
        if (total % count == 0) {
            return total / count;
        }
        return documented;
    }

    private FeedFrame parseJson(String text) {
        JsonNode root;
        try {
            root = json.readTree(text);
        } catch (JacksonException e) {
            return new FeedFrame.Ignored("unparseable JSON frame");
        }
        JsonNode header = root.path("header");
        String trId = header.path("tr_id").asString("");
        if ("PINGPONG".equals(trId)) {
            return new FeedFrame.PingPong(text);
        }
        JsonNode body = root.path("body");
        if (body.isMissingNode() || body.isNull()) {
            return new FeedFrame.Ignored("JSON frame without body (tr_id " + trId + ")");
        }
        String iv = body.path("output").path("iv").asString("");
        String key = body.path("output").path("key").asString("");
        if (!iv.isEmpty() && !key.isEmpty()) {
            cipherByTrId.put(trId, new String[] {key, iv});
        }
        return new FeedFrame.Reply(trId, header.path("tr_key").asString(""), "0".equals(body.path("rt_cd").asString("")),
                body.path("msg_cd").asString(""), body.path("msg1").asString(""), iv, key);
    }

    static String decrypt(String base64, String key, String iv) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/CBC/PKCS5Padding");
        cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "AES"),
                new IvParameterSpec(iv.getBytes(StandardCharsets.UTF_8)));
        return new String(cipher.doFinal(Base64.getDecoder().decode(base64.trim())), StandardCharsets.UTF_8);
    }

    /** KIS sends prices as integers; tolerate a decimal point ("71200.0") from simulators. */
    private static long parsePrice(String s) {
        String t = s.trim();
        if (t.isEmpty()) {
            return 0;
        }
        int dot = t.indexOf('.');
        return Long.parseLong(dot >= 0 ? t.substring(0, dot) : t);
    }

    private static long parseLongOr0(String s) {
        String t = s.trim();
        return t.isEmpty() ? 0 : parsePrice(t);
    }
}
