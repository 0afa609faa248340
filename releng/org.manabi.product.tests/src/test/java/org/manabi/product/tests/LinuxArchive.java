package org.manabi.product.tests;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.zip.GZIPInputStream;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/** This build's Linux archive, unpacked as a user does (tar xzf), executable bits included. */
final class LinuxArchive {

    static final Path FILE = Path.of(System.getProperty("manabi.repository"))
            .resolve("releng/org.manabi.product/target/products/manabi-linux.gtk.x86_64.tar.gz").toAbsolutePath()
            .normalize();

    private LinuxArchive() {
    }

    /** Unpacks the archive into {@code folder}; returns the installation, {@code folder/manabi}. */
    static Path unpack(Path folder) throws IOException {
        try (TarArchiveInputStream tar = new TarArchiveInputStream(
                new GZIPInputStream(new BufferedInputStream(Files.newInputStream(FILE))))) {
            for (TarArchiveEntry entry; (entry = tar.getNextEntry()) != null;) {
                Path target = folder.resolve(entry.getName()).normalize();
                assertTrue(target.startsWith(folder), entry.getName());
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(tar, target);
                    Files.setPosixFilePermissions(target, PosixFilePermissions.fromString(
                            (entry.getMode() & 0100) != 0 ? "rwxr-xr-x" : "rw-r--r--"));
                }
            }
        }
        return folder.resolve("manabi");
    }
}
