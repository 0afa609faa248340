package org.manabi.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.manabi.store.Registration;
import org.manabi.ui.internal.RegistrationsView;
import org.manabi.ui.internal.ServerControl;

/** A registration made through the web API shows in the Registrations view, which checks the person in. */
class RegistrationsViewTest {

    private final IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();

    @Test
    void aRegistrationThroughTheApiShowsLiveIsCheckedInAndExported(@TempDir Path temp) throws Exception {
        ServerControl control = PlatformUI.getWorkbench().getService(ServerControl.class);
        if (control.state() == ServerControl.State.STOPPED) {
            control.start();
        }
        Widgets.waitUntil("the server runs", 60, () -> control.state() == ServerControl.State.RUNNING);
        RegistrationsView view = (RegistrationsView) page.showView(RegistrationsView.ID);
        view.show("dicom-beginner-2027");
        String email = "taro" + System.nanoTime() + "@example.jp";

        HttpResponse<String> registered = HttpClient.newHttpClient().send(HttpRequest
                .newBuilder(control.uri().resolve("/api/seminars/dicom-beginner-2027/registrations"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"試験 太郎\",\"kana\":\"しけん たろう\",\"email\":\""
                        + email + "\",\"organization\":\"富嶽メディカルシステムズ株式会社\",\"member\":false,"
                        + "\"pool\":\"onsite\"}", StandardCharsets.UTF_8))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(201, registered.statusCode(), registered.body());

        Widgets.waitUntil("the registration shows", 30, () -> row(view, email) != null);
        Registration row = row(view, email);
        assertEquals("試験 太郎", row.applicant().name());
        Widgets.screenshot(page.getWorkbenchWindow().getShell(), "registrations");

        view.table().setSelection(new StructuredSelection(row));
        view.checkInSelected();
        Widgets.waitUntil("checked in", 30, () -> row(view, email) != null && row(view, email).checkedIn() != null);

        Path csv = temp.resolve("registrations.csv");
        Job export = view.export(csv);
        Widgets.waitUntil("exported", 30, () -> export.getResult() != null);
        byte[] bytes = Files.readAllBytes(csv);
        assertEquals((byte) 0xEF, bytes[0], "UTF-8 byte order mark, for Excel");
        String text = new String(bytes, StandardCharsets.UTF_8);
        assertTrue(text.contains("試験 太郎") && text.contains(email), text);
    }

    @SuppressWarnings("unchecked")
    private static Registration row(RegistrationsView view, String email) {
        List<Registration> rows = (List<Registration>) view.table().getInput();
        return rows == null ? null
                : rows.stream().filter(r -> r.applicant().email().equals(email)).findFirst().orElse(null);
    }
}
