package org.manabi.server.internal;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.DeflaterOutputStream;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;

/**
 * QR codes of the personal links, as PNG images: ZXing makes the matrix, and a small encoder here
 * writes it as a one-bit greyscale PNG, so that the server needs neither AWT nor ImageIO.
 */
final class QrCodes {

    /** Pixels per module: a 33-module code with its quiet zone is 328 pixels, easy for a phone camera. */
    private static final int SCALE = 8;
    private static final byte[] SIGNATURE = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };

    private QrCodes() {
    }

    /** The PNG of a QR code of {@code text}, with error correction M and the standard quiet zone of 4 modules. */
    static byte[] png(String text) {
        try {
            return png(matrix(text));
        } catch (IOException e) {
            throw new IllegalStateException("writing to memory does not fail", e);
        }
    }

    /** The modules of the same QR code, {@code [y][x]} true where dark, for drawing it as vectors (a PDF). */
    static boolean[][] modules(String text) {
        BitMatrix matrix = matrix(text);
        boolean[][] modules = new boolean[matrix.getHeight()][matrix.getWidth()];
        for (int y = 0; y < matrix.getHeight(); y++) {
            for (int x = 0; x < matrix.getWidth(); x++) {
                modules[y][x] = matrix.get(x, y);
            }
        }
        return modules;
    }

    private static BitMatrix matrix(String text) {
        try {
            return new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0, Map.of(
                    EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 4,
                    EncodeHintType.CHARACTER_SET, StandardCharsets.UTF_8.name()));
        } catch (WriterException e) {
            throw new IllegalArgumentException("a link of " + text.length() + " characters does not fit a QR code", e);
        }
    }

    private static byte[] png(BitMatrix matrix) throws IOException {
        int width = matrix.getWidth() * SCALE;
        int height = matrix.getHeight() * SCALE;
        int rowBytes = (width + 7) / 8;
        ByteArrayOutputStream pixels = new ByteArrayOutputStream();
        try (DeflaterOutputStream deflate = new DeflaterOutputStream(pixels)) {
            byte[] row = new byte[1 + rowBytes]; // filter type 0 (none), then the bits of the row
            for (int y = 0; y < height; y++) {
                Arrays.fill(row, (byte) 0);
                for (int x = 0; x < width; x++) {
                    // in one-bit greyscale 1 is white; a set module is dark
                    if (!matrix.get(x / SCALE, y / SCALE)) {
                        row[1 + x / 8] |= (byte) (0x80 >>> (x % 8));
                    }
                }
                deflate.write(row);
            }
        }
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        png.write(SIGNATURE);
        ByteArrayOutputStream header = new ByteArrayOutputStream();
        DataOutputStream fields = new DataOutputStream(header);
        fields.writeInt(width);
        fields.writeInt(height);
        fields.writeByte(1); // bit depth
        fields.writeByte(0); // colour type: greyscale
        fields.writeByte(0); // compression: deflate
        fields.writeByte(0); // filter method
        fields.writeByte(0); // no interlace
        chunk(png, "IHDR", header.toByteArray());
        chunk(png, "IDAT", pixels.toByteArray());
        chunk(png, "IEND", new byte[0]);
        return png.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream png, String type, byte[] data) throws IOException {
        DataOutputStream out = new DataOutputStream(png);
        byte[] name = type.getBytes(StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(name);
        crc.update(data);
        out.writeInt(data.length);
        out.write(name);
        out.write(data);
        out.writeInt((int) crc.getValue());
    }
}
