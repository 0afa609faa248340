package org.manabi.server.internal;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.manabi.server.Email;
import org.manabi.server.ServerSettings;
import org.manabi.server.VodLibrary;
import org.manabi.server.VodLibrary.DocumentSource;
import org.manabi.server.internal.RegistrationDesk.InputProblem;
import org.manabi.store.DocumentRequests;
import org.manabi.store.DocumentRequests.DocumentRequest;
import org.manabi.store.OwedMails.Notice;
import org.manabi.store.Requester;
import org.manabi.store.StoreException;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The password request form of a protected document, {@code /documents/{id}}: the request is
 * recorded (staff count them per fiscal year on {@code /staff/vod}) and acknowledged by mail; the
 * organisers send the password.
 */
public final class DocumentPages extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final int MAX_PURPOSE = 2000;

    private final transient VodLibrary library;
    private final transient DocumentRequests requests;
    private final transient MailSender mails;
    private final transient RateLimiter limit;
    private final transient ServerSettings settings;
    private final transient Pages pages = new Pages();

    /** @param mails sends the receipt the store writes with each request */
    public DocumentPages(VodLibrary library, DocumentRequests requests, MailSender mails, RateLimiter limit,
            ServerSettings settings) {
        this.library = library;
        this.requests = requests;
        this.mails = mails;
        this.limit = limit;
        this.settings = settings;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Texts texts = Pages.texts(request, response);
        Optional<DocumentSource> document = document(request);
        if (document.isEmpty()) {
            notFound(request, response, texts);
            return;
        }
        form(request, response, texts, document.get(), Map.of(), null, 200);
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Texts texts = Pages.texts(request, response);
        Optional<DocumentSource> document = document(request);
        if (document.isEmpty()) {
            notFound(request, response, texts);
            return;
        }
        if (!Csrf.valid(request)) {
            pages.message(request, response, 403, texts, texts.get("csrf_heading"), texts.get("csrf_text"), "/vod");
            return;
        }
        Map<String, String> form = new HashMap<>();
        for (String field : new String[] { "name", "email", "organization", "purpose" }) {
            String value = request.getParameter(field);
            form.put(field, value == null ? "" : value);
        }
        if (!limit.tryAcquire(request.getRemoteAddr())) {
            form(request, response, texts, document.get(), form, texts.get("vod_rate"), 429);
            return;
        }
        try {
            Requester requester = VodDesk.requester(form.get("name"), form.get("email"), form.get("organization"),
                    texts.language());
            String purpose = form.get("purpose").strip();
            if (purpose.length() > MAX_PURPOSE) {
                throw new InputProblem("purpose", "error_too_long");
            }
            requests.record(document.get().id(), requester, purpose, Http.site(request, settings));
            mails.wake();
            pages.message(request, response, 200, texts, texts.get("document_requested_heading"),
                    texts.format("document_requested_text", requester.email()), "/vod");
        } catch (InputProblem problem) {
            form(request, response, texts, document.get(), form, problem.message(texts), 400);
        } catch (StoreException e) {
            pages.unavailable(request, response, texts, e, "/vod");
        }
    }

    private Optional<DocumentSource> document(HttpServletRequest request) {
        String[] path = Http.path(request);
        return path.length == 1 ? library.document(path[0]) : Optional.empty();
    }

    private void form(HttpServletRequest request, HttpServletResponse response, Texts texts, DocumentSource document,
            Map<String, String> form, String problem, int status) throws IOException {
        Map<String, Object> model = new HashMap<>(form);
        model.put("id", document.id());
        model.put("title", document.title());
        if (problem != null) {
            model.put("problem", problem);
        }
        model.put("csrf", Csrf.token(request, response));
        pages.render(request, response, status, "document_request", texts, texts.get("document_request_title"), model);
    }

    /** The receipt owed about a password request, to whoever asked; the organisers send the password. */
    public Letter letter(Notice notice) throws StoreException {
        Optional<DocumentRequest> found = requests.find(notice.about());
        if (found.isEmpty() || found.get().requester().email().isEmpty()) {
            return Letter.noAddress();
        }
        Requester requester = found.get().requester();
        String title = library.document(found.get().documentId()).map(DocumentSource::title)
                .orElse(found.get().documentId());
        Texts texts = Texts.of(requester.language());
        Object[] arguments = { requester.name(), title };
        return Letter.of(new Email(requester.email(), texts.format("mail_document_request_subject", arguments),
                texts.format("mail_document_request_body", arguments)));
    }

    private void notFound(HttpServletRequest request, HttpServletResponse response, Texts texts) throws IOException {
        pages.message(request, response, 404, texts, texts.get("not_found_heading"), texts.get("not_found_text"), "/vod");
    }
}
