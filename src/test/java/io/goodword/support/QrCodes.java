package io.goodword.support;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;

/** Reads a QR code off a picture, as a phone's camera would: the text it holds. */
public final class QrCodes {
    private QrCodes() {}

    public static String decode(BufferedImage img) throws Exception {
        int[] pixels = img.getRGB(0, 0, img.getWidth(), img.getHeight(), null, 0, img.getWidth());
        return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(
                new RGBLuminanceSource(img.getWidth(), img.getHeight(), pixels)))).getText();
    }
}
