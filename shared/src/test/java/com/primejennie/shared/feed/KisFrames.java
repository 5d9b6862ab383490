package com.primejennie.shared.feed;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds KIS real-time frames the way KIS sends them, from the field lists of {@code fixtures/kis/api.json}
 * ({@code websocket.ccnl_krx} for H0STCNT0, {@code websocket.ccnl_notice} for H0STCNI0), so tests exercise the true
 * field positions rather than the indexes the code under test assumes.
 */
public final class KisFrames {

    /** api.json {@code websocket.ccnl_krx.columns_in_order}. */
    public static final List<String> TRADE_COLUMNS = List.of(
            "MKSC_SHRN_ISCD", "STCK_CNTG_HOUR", "STCK_PRPR", "PRDY_VRSS_SIGN", "PRDY_VRSS", "PRDY_CTRT",
            "WGHN_AVRG_STCK_PRC", "STCK_OPRC", "STCK_HGPR", "STCK_LWPR", "ASKP1", "BIDP1", "CNTG_VOL", "ACML_VOL",
            "ACML_TR_PBMN", "SELN_CNTG_CSNU", "SHNU_CNTG_CSNU", "NTBY_CNTG_CSNU", "CTTR", "SELN_CNTG_SMTN",
            "SHNU_CNTG_SMTN", "CCLD_DVSN", "SHNU_RATE", "PRDY_VOL_VRSS_ACML_VOL_RATE", "OPRC_HOUR",
            "OPRC_VRSS_PRPR_SIGN", "OPRC_VRSS_PRPR", "HGPR_HOUR", "HGPR_VRSS_PRPR_SIGN", "HGPR_VRSS_PRPR",
            "LWPR_HOUR", "LWPR_VRSS_PRPR_SIGN", "LWPR_VRSS_PRPR", "BSOP_DATE", "NEW_MKOP_CLS_CODE", "TRHT_YN",
            "ASKP_RSQN1", "BIDP_RSQN1", "TOTAL_ASKP_RSQN", "TOTAL_BIDP_RSQN", "VOL_TNRT", "PRDY_SMNS_HOUR_ACML_VOL",
            "PRDY_SMNS_HOUR_ACML_VOL_RATE", "HOUR_CLS_CODE", "MRKT_TRTM_CLS_CODE", "VI_STND_PRC");

    /** api.json {@code websocket.ccnl_notice.columns_in_order}. */
    public static final List<String> NOTICE_COLUMNS = List.of(
            "CUST_ID", "ACNT_NO", "ODER_NO", "OODER_NO", "SELN_BYOV_CLS", "RCTF_CLS", "ODER_KIND", "ODER_COND",
            "STCK_SHRN_ISCD", "CNTG_QTY", "CNTG_UNPR", "STCK_CNTG_HOUR", "RFUS_YN", "CNTG_YN", "ACPT_YN", "BRNC_NO",
            "ODER_QTY", "ACNT_NAME", "ORD_COND_PRC", "ORD_EXG_GB", "POPUP_YN", "FILLER", "CRDT_CLS",
            "CRDT_LOAN_DATE", "CNTG_ISNM40", "ODER_PRC");

    private KisFrames() {
    }

    /** One H0STCNT0 record with realistic values for every column, overridden by {@code fields} (column name → value). */
    public static String tradeRecord(Map<String, String> fields) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String column : TRADE_COLUMNS) {
            values.put(column, "0");
        }
        values.put("PRDY_VRSS_SIGN", "2");
        values.put("PRDY_CTRT", "1.23");
        values.put("WGHN_AVRG_STCK_PRC", "70012.55");
        values.put("CTTR", "101.50");
        values.put("BSOP_DATE", "20261126");
        values.put("NEW_MKOP_CLS_CODE", "20");
        values.put("TRHT_YN", "N");
        values.put("HOUR_CLS_CODE", "0");
        values.put("MRKT_TRTM_CLS_CODE", "N");
        fields.forEach((k, v) -> {
            if (!values.containsKey(k)) {
                throw new IllegalArgumentException("no H0STCNT0 column " + k);
            }
            values.put(k, v);
        });
        return String.join("^", values.values());
    }

    /** A trade record: code, time HHmmss, price, day high, this trade's volume, cumulative volume. */
    public static String trade(String code, String time, long price, long high, long vol, long accumVol) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("MKSC_SHRN_ISCD", code);
        f.put("STCK_CNTG_HOUR", time);
        f.put("STCK_PRPR", Long.toString(price));
        f.put("STCK_HGPR", Long.toString(high));
        f.put("STCK_LWPR", Long.toString(Math.min(price, high) - 100));
        f.put("STCK_OPRC", Long.toString(price - 50));
        f.put("ASKP1", Long.toString(price + 100)); // the index the Python fix wrongly read as volume
        f.put("BIDP1", Long.toString(price));
        f.put("CNTG_VOL", Long.toString(vol));
        f.put("ACML_VOL", Long.toString(accumVol));
        return tradeRecord(f);
    }

    /** A data frame {@code 0|H0STCNT0|<count>|<records joined by ^>}. */
    public static String tradeFrame(String... records) {
        return "0|H0STCNT0|" + String.format("%03d", records.length) + "|" + String.join("^", records);
    }

    /** One H0STCNI0 record. */
    public static String notice(String orderNo, String side, String code, long qty, long price, String time,
                                boolean filled) {
        List<String> values = new ArrayList<>(Collections.nCopies(NOTICE_COLUMNS.size(), ""));
        set(values, "CUST_ID", "jennie");
        set(values, "ACNT_NO", "5012345601");
        set(values, "ODER_NO", orderNo);
        set(values, "OODER_NO", "");
        set(values, "SELN_BYOV_CLS", side);
        set(values, "RCTF_CLS", "0");
        set(values, "ODER_KIND", "00");
        set(values, "ODER_COND", "0");
        set(values, "STCK_SHRN_ISCD", code);
        set(values, "CNTG_QTY", Long.toString(qty));
        set(values, "CNTG_UNPR", Long.toString(price));
        set(values, "STCK_CNTG_HOUR", time);
        set(values, "RFUS_YN", "N");
        set(values, "CNTG_YN", filled ? "2" : "1");
        set(values, "ACPT_YN", "Y");
        set(values, "BRNC_NO", "01234");
        set(values, "ODER_QTY", Long.toString(qty));
        set(values, "ACNT_NAME", "제니");
        set(values, "CNTG_ISNM40", "삼성전자");
        set(values, "ODER_PRC", Long.toString(price));
        return String.join("^", values);
    }

    private static void set(List<String> values, String column, String value) {
        values.set(NOTICE_COLUMNS.indexOf(column), value);
    }
}
