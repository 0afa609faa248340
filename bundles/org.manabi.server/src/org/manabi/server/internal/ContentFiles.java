package org.manabi.server.internal;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Enumeration;
import java.util.Map;

import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ResourceServlet;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.manabi.server.VodLibrary;
import org.manabi.server.VodLibrary.VideoSource;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The video files of the content folder and of the video folder ({@code <data>/videos}), served by
 * Jetty's {@link ResourceServlet}: range requests (206 with Content-Range, multipart/byteranges for
 * several ranges, 416 for a range outside the file), ETag and Last-Modified, as browsers' players
 * need for seeking. Jetty 12 ignores If-Range,
 * so {@link #forward} applies it first (RFC 9110 §13.1.5): the range stands only when the
 * validator is the file's Last-Modified date; Jetty's ETags are weak and never match for If-Range.
 * Reached only by a forward from {@link VodPages} after the viewing ID was checked: a request
 * straight to {@link #PATH} is answered 404 by a filter.
 */
public final class ContentFiles {

    /** Where the file servlets are mounted; never reachable from outside. */
    static final String PATH = "/vod-files";
    private static final String CONTENT = "content";
    private static final String VIDEOS = "videos";
    private static final Map<String, String> VIDEO_TYPES = Map.of("webm", "video/webm", "mp4", "video/mp4",
            "m4v", "video/mp4", "ogv", "video/ogg", "mov", "video/quicktime", "vtt", "text/vtt");

    private ContentFiles() {
    }

    /** The files of the content folder and, if set, of the video folder, each behind the ID check. */
    public static void mount(ServletContextHandler context, VodLibrary library) {
        // Jetty's table lacks some video types; with nosniff a file without its type may not play
        VIDEO_TYPES.forEach(context.getMimeTypes()::addMimeMapping);
        mount(context, CONTENT, library.root());
        if (library.videoFolder() != null) {
            mount(context, VIDEOS, library.videoFolder());
        }
        context.addFilter(new FilterHolder(new ForwardOnly()), PATH + "/*", EnumSet.of(DispatcherType.REQUEST));
    }

    private static void mount(ServletContextHandler context, String name, Path folder) {
        ServletHolder files = new ServletHolder("vod-files-" + name, ResourceServlet.class);
        files.setInitParameter("baseResource", folder.toUri().toString());
        files.setInitParameter("pathInfoOnly", "true");
        files.setInitParameter("dirAllowed", "false");
        files.setInitParameter("acceptRanges", "true");
        files.setInitParameter("etags", "true");
        files.setInitParameter("cacheControl", "private, no-transform");
        context.addServlet(files, PATH + "/" + name + "/*");
    }

    /** Serves the file of {@code video} (which must have one) to the request, honouring its Range and If-Range. */
    static void forward(HttpServletRequest request, HttpServletResponse response, VodLibrary library, VideoSource video)
            throws IOException, ServletException {
        boolean inContent = library.inContent(video);
        Path root = inContent ? library.root() : library.videoFolder();
        Path file = video.file();
        StringBuilder target = new StringBuilder(PATH).append('/').append(inContent ? CONTENT : VIDEOS);
        for (Path part : file) {
            target.append('/').append(URLEncoder.encode(part.toString(), StandardCharsets.UTF_8).replace("+", "%20"));
        }
        String ifRange = request.getHeader("If-Range");
        HttpServletRequest forwarded = ifRange != null && !unchangedSince(ifRange, root.resolve(file))
                ? new WithoutRange(request) : request;
        request.getRequestDispatcher(target.toString()).forward(forwarded, response);
    }

    /** Whether an If-Range date is the file's Last-Modified (to the second); an entity tag never is. */
    private static boolean unchangedSince(String ifRange, Path file) throws IOException {
        try {
            ZonedDateTime date = ZonedDateTime.parse(ifRange.strip(), DateTimeFormatter.RFC_1123_DATE_TIME);
            return date.toInstant().equals(Files.getLastModifiedTime(file).toInstant().truncatedTo(ChronoUnit.SECONDS));
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    /** The request as if it had asked for the whole file. */
    private static final class WithoutRange extends HttpServletRequestWrapper {
        WithoutRange(HttpServletRequest request) {
            super(request);
        }

        @Override
        public String getHeader(String name) {
            return "Range".equalsIgnoreCase(name) ? null : super.getHeader(name);
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            return "Range".equalsIgnoreCase(name) ? Collections.emptyEnumeration() : super.getHeaders(name);
        }

        @Override
        public Enumeration<String> getHeaderNames() {
            return Collections.enumeration(Collections.list(super.getHeaderNames()).stream()
                    .filter(n -> !"Range".equalsIgnoreCase(n)).toList());
        }
    }

    /** Refuses requests from outside: the files are served only through a checked forward. */
    private static final class ForwardOnly implements Filter {
        @Override
        public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException {
            ((HttpServletResponse) response).sendError(404);
        }
    }
}
