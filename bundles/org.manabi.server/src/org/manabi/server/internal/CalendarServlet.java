package org.manabi.server.internal;

import java.io.IOException;
import java.io.StringWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.util.List;

import org.manabi.server.Catalogue;
import org.manabi.server.Catalogue.Offer;
import org.manabi.server.Catalogue.SessionTime;
import org.manabi.server.ServerSettings;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.TimeZone;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtEnd;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.DtStart;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Summary;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;

/**
 * {@code GET /calendar.ics}: the sessions of the published seminars as an iCalendar feed (RFC 5545),
 * one event per session, in Japan time with the Asia/Tokyo time-zone definition.
 * <p>
 * Public on purpose: it holds what the catalogue shows and no personal data, and a calendar program
 * that subscribes to a feed cannot log in.
 */
public final class CalendarServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private final transient Catalogue catalogue;
    private final transient ServerSettings settings;
    private final transient Clock clock;

    /**
     * ical4j's definition of Asia/Tokyo, read once from the zone files in its jar (never from the
     * network), when the feed is first asked for: loading ical4j's registry took about 6 % of the
     * CPU time of the server's start.
     */
    private static final class Tokyo {
        static final TimeZone ZONE = TimeZoneRegistryFactory.getInstance().createRegistry()
                .getTimeZone(Catalogue.ZONE.getId());
    }

    public CalendarServlet(Catalogue catalogue, ServerSettings settings, Clock clock) {
        this.catalogue = catalogue;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        URI site = Http.site(request, settings);
        Calendar calendar = new Calendar();
        calendar.add(new ProdId("-//Manabi//Seminars//JA"));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        calendar.add(Tokyo.ZONE.getVTimeZone());
        DtStamp stamp = new DtStamp(clock.instant());
        for (Offer offer : catalogue.offers()) {
            List<SessionTime> sessions = offer.sessions();
            for (int i = 0; i < sessions.size(); i++) {
                calendar.add(event(offer, sessions, i, site, stamp));
            }
        }
        // into memory first: the outputter closes the writer it is given
        StringWriter text = new StringWriter();
        new CalendarOutputter(false).output(calendar, text);
        byte[] body = text.toString().getBytes(StandardCharsets.UTF_8);
        response.setStatus(200);
        response.setContentType("text/calendar;charset=utf-8");
        response.setHeader("Cache-Control", "public, max-age=300");
        response.setHeader("Content-Disposition", "inline; filename=\"manabi-seminars.ics\"");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    private static VEvent event(Offer offer, List<SessionTime> sessions, int index, URI site, DtStamp stamp) {
        SessionTime session = sessions.get(index);
        ZonedDateTime start = session.date().atTime(session.start()).atZone(Catalogue.ZONE);
        ZonedDateTime end = session.date().atTime(session.end()).atZone(Catalogue.ZONE);
        String title = sessions.size() == 1 ? offer.title() : offer.title() + " (" + (index + 1) + "/" + sessions.size() + ")";
        VEvent event = new VEvent(false);
        event.add(new Uid(offer.id() + "-" + (index + 1) + "@manabi"));
        event.add(stamp);
        event.add(new DtStart<>(start));
        event.add(new DtEnd<>(end));
        event.add(new Summary(title));
        event.add(new Url(site.resolve("/seminars/" + offer.id())));
        String place = offer.venue() != null ? offer.venue() : offer.conferenceSystem();
        if (place != null) {
            event.add(new Location(place));
        }
        if (offer.englishTitle() != null) {
            event.add(new Description(offer.englishTitle()));
        }
        return event;
    }
}
