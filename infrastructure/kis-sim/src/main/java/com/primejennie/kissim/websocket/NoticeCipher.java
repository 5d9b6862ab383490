package com.primejennie.kissim.websocket;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * KIS encrypts fill notices: AES-256-CBC with PKCS#7 padding, Base64, under the 32-character key and 16-character iv
 * handed out in the subscribe answer ({@code body.output.key}, {@code body.output.iv}).
 */
public final class NoticeCipher {

    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

    private final String key;
    private final String iv;

    public NoticeCipher(String key, String iv) {
        this.key = key;
        this.iv = iv;
    }

    public static NoticeCipher random(SecureRandom random) {
        return new NoticeCipher(text(random, 32), text(random, 16));
    }

    public String key() {
        return key;
    }

    public String iv() {
        return iv;
    }

    public String encrypt(String plain) {
        return Base64.getEncoder().encodeToString(run(Cipher.ENCRYPT_MODE, plain.getBytes(StandardCharsets.UTF_8)));
    }

    public String decrypt(String base64) {
        return new String(run(Cipher.DECRYPT_MODE, Base64.getDecoder().decode(base64)), StandardCharsets.UTF_8);
    }

    private byte[] run(int mode, byte[] input) {
        try {
            Cipher c = Cipher.getInstance("AES/CBC/PKCS5Padding");
            c.init(mode, new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "AES"),
                    new IvParameterSpec(iv.getBytes(StandardCharsets.UTF_8)));
            return c.doFinal(input);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-256-CBC unavailable", e);
        }
    }

    private static String text(SecureRandom random, int n) {
        StringBuilder b = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            b.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return b.toString();
    }
}
