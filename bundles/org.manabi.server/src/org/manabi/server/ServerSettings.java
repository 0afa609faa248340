package org.manabi.server;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;

import org.eclipse.jetty.util.InetAddressSet;

/**
 * How the web server behaves, as the command line or the workbench's preferences set it.
 *
 * @param publicUri        the address participants reach the server at, for the links in emails and
 *                         QR codes; {@code null}: the address each request came to. An {@code https}
 *                         address also marks the staff cookie {@code Secure} behind a TLS proxy.
 * @param registrationsPerMinute how many registrations one client address may make per minute
 *                         (0: no limit, for load tests)
 * @param loginsPerMinute  how many staff log-in attempts one client address may make per minute
 *                         (0: no limit)
 * @param trustedProxies   the reverse proxies whose {@code X-Forwarded-*} headers are believed: addresses
 *                         ({@code 127.0.0.1}), CIDR ranges ({@code 10.0.0.0/8}) or ranges
 *                         ({@code 10.0.0.1-10.0.0.9}); empty: nobody's
 * @param metricsFrom      the client addresses {@code GET /metrics} answers, in the same forms
 * @param invoiceIssuer    who issues the receipts (name and qualified-invoice registration number),
 *                         or {@code null}: then no receipt can be issued and staff are told why
 * @param videoFolder      where video files too large for the repository are kept ({@code <data>/videos}):
 *                         a video's file is looked for there, under the same path as in the content
 *                         folder, when the content folder lacks it; {@code null}: the content folder only
 * @param thumbnailFolder  where rendered slide pages are cached ({@code <data>/thumbnails}, shared with the
 *                         workbench's slide search); {@code null}: a temporary folder of this process
 */
public record ServerSettings(URI publicUri, int registrationsPerMinute, int loginsPerMinute,
        List<String> trustedProxies, List<String> metricsFrom, InvoiceIssuer invoiceIssuer, Path videoFolder,
        Path thumbnailFolder) {

    /**
     * The issuer printed on receipts.
     *
     * @param registrationNumber {@code T} and 13 digits, as the tax office registered the issuer
     */
    public record InvoiceIssuer(String name, String registrationNumber) {

        public InvoiceIssuer {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("the receipts' issuer needs a name");
            }
            if (registrationNumber == null || !registrationNumber.matches("T[0-9]{13}")) {
                throw new IllegalArgumentException("a qualified-invoice registration number is T and 13 digits, not "
                        + registrationNumber);
            }
        }
    }

    /** Metrics for this machine only: the monitoring agent beside the server. */
    public static final List<String> LOCAL_METRICS = List.of("127.0.0.1", "::1");

    /**
     * 20 registrations a minute per address: a family or an office behind one address, not a script;
     * 10 log-in attempts: a mistyped password or two, not a guessing run.
     */
    public static final ServerSettings DEFAULT = new ServerSettings(null, 20, 10);

    /** @throws BadAddressException if an entry of {@code trustedProxies} or {@code metricsFrom} is no address or range */
    public ServerSettings {
        // "127.0.0.1, ::1" in a settings file: the entries without the spaces after the commas
        trustedProxies = trustedProxies.stream().map(String::strip).filter(entry -> !entry.isEmpty()).toList();
        metricsFrom = metricsFrom.stream().map(String::strip).filter(entry -> !entry.isEmpty()).toList();
        addresses("trusted-proxy", trustedProxies);
        addresses("metrics-from", metricsFrom);
    }

    /** No proxy trusted, metrics for this machine only, no receipts, videos in the content folder only. */
    public ServerSettings(URI publicUri, int registrationsPerMinute, int loginsPerMinute) {
        this(publicUri, registrationsPerMinute, loginsPerMinute, List.of(), LOCAL_METRICS);
    }

    /** No receipts, videos in the content folder only. */
    public ServerSettings(URI publicUri, int registrationsPerMinute, int loginsPerMinute, List<String> trustedProxies,
            List<String> metricsFrom) {
        this(publicUri, registrationsPerMinute, loginsPerMinute, trustedProxies, metricsFrom, null, null, null);
    }

    /** These settings with the receipts' issuer and the video folder given. */
    public ServerSettings withVod(InvoiceIssuer issuer, Path videos) {
        return new ServerSettings(publicUri, registrationsPerMinute, loginsPerMinute, trustedProxies, metricsFrom, issuer,
                videos, thumbnailFolder);
    }

    /** These settings with slide thumbnails cached in {@code folder}. */
    public ServerSettings withThumbnails(Path folder) {
        return new ServerSettings(publicUri, registrationsPerMinute, loginsPerMinute, trustedProxies, metricsFrom,
                invoiceIssuer, videoFolder, folder);
    }

    /** The addresses and ranges of {@code entries} as one set; {@code setting} names them in an error. */
    static InetAddressSet addresses(String setting, List<String> entries) {
        InetAddressSet set = new InetAddressSet();
        for (String entry : entries) {
            try {
                set.add(entry);
            } catch (IllegalArgumentException e) {
                throw new BadAddressException(setting, entry.strip());
            }
        }
        return set;
    }

    /** An entry of {@code trusted-proxy} or {@code metrics-from} that is no address or range. */
    public static final class BadAddressException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;
        private final String setting;

        BadAddressException(String setting, String entry) {
            super(entry + " is not an address or range (e.g. 127.0.0.1, 10.0.0.0/8, 10.0.0.1-10.0.0.9)");
            this.setting = setting;
        }

        /** {@code trusted-proxy} or {@code metrics-from}. */
        public String setting() {
            return setting;
        }
    }
}
