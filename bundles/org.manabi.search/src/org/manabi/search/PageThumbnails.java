package org.manabi.search;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import javax.imageio.ImageIO;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

/**
 * Page images for the workbench and the web, rendered by PDFBox and cached as PNG files. A cached
 * image is keyed by the file's path, size and modification time, so a changed deck is rendered anew.
 */
public final class PageThumbnails {

    private final Path cache;

    /** @param cache the folder for rendered pages, e.g. {@code <data>/thumbnails} */
    public PageThumbnails(Path cache) {
        this.cache = cache;
    }

    /**
     * The PNG of {@code page} (1-based) of {@code pdf}, {@code width} pixels wide.
     *
     * @throws PdfUnreadableException if the PDF cannot be read or has no such page
     */
    public Path thumbnail(Path pdf, int page, int width) throws PdfUnreadableException {
        try {
            Path png = cache.resolve(key(pdf) + "-p" + page + "-w" + width + ".png");
            if (Files.exists(png)) {
                return png;
            }
            try (PDDocument document = Loader.loadPDF(pdf.toFile(), "", null, null,
                    IOUtils.createTempFileOnlyStreamCache())) {
                if (page < 1 || page > document.getNumberOfPages()) {
                    throw new PdfUnreadableException(pdf, "it has no page " + page + " (it has "
                            + document.getNumberOfPages() + ")", null);
                }
                PDRectangle box = document.getPage(page - 1).getCropBox();
                float dpi = 72f * width / box.getWidth();
                BufferedImage image = new PDFRenderer(document).renderImageWithDPI(page - 1, dpi, ImageType.RGB);
                Files.createDirectories(cache);
                Path temporary = Files.createTempFile(cache, "render", ".png");
                ImageIO.write(image, "png", temporary.toFile());
                // renderers working on the same page at once each write their own file; the last rename wins
                Files.move(temporary, png, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                return png;
            }
        } catch (IOException | RuntimeException e) {
            throw new PdfUnreadableException(pdf, String.valueOf(e.getMessage()), e);
        }
    }

    private static String key(Path pdf) throws IOException {
        String identity = pdf.toAbsolutePath().normalize() + "|" + Files.size(pdf) + "|"
                + Files.getLastModifiedTime(pdf).toMillis();
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(identity.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
