package org.manabi.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.eclipse.equinox.security.storage.ISecurePreferences;
import org.eclipse.equinox.security.storage.SecurePreferencesFactory;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.preference.PreferenceDialog;
import org.eclipse.jface.preference.PreferencePage;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.dialogs.PreferencesUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.manabi.ui.WorkbenchPreferences;
import org.manabi.ui.WorkbenchSecrets;
import org.manabi.ui.internal.ManabiPreferencePage;
import org.manabi.ui.internal.ServerControl;
import org.manabi.ui.internal.ServerView;

/** Window → Preferences → Manabi, driven through its widgets: a port typed there is the server's after a restart. */
class PreferencesTest {

    private final IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();

    @AfterEach
    void backToAFreePort() throws Exception {
        // as the suite's --port 0: the other tests' servers take any free port
        WorkbenchPreferences.node().putInt(WorkbenchPreferences.SERVER_PORT, 0);
        WorkbenchPreferences.node().flush();
    }

    @Test
    void aPortTypedInThePreferencesIsTheServersAfterItRestarts() throws Exception {
        ServerView view = (ServerView) page.showView(ServerView.ID);
        ServerControl control = PlatformUI.getWorkbench().getService(ServerControl.class);
        Widgets.waitUntil("the server the workbench starts", 60,
                () -> control.state() == ServerControl.State.RUNNING && view.stopButton().isEnabled());
        int before = URI.create(view.address()).getPort();
        int port = freePort();

        PreferenceDialog dialog = openPreferences();
        try {
            Text portField = field(dialog, WorkbenchPreferences.SERVER_PORT);
            Button ok = okButton(dialog);
            PreferencePage preferences = (PreferencePage) dialog.getSelectedPage();

            type(portField, "80a");
            assertFalse(ok.isEnabled(), "no OK while the port is not a number");
            assertEquals("The port must be a number from 0 to 65535.", preferences.getErrorMessage());
            type(portField, "70000");
            assertFalse(ok.isEnabled(), "nor while it is out of range");

            type(portField, String.valueOf(port));
            assertTrue(ok.isEnabled(), "a port is accepted: " + preferences.getErrorMessage());
            Widgets.screenshot(dialog.getShell(), "preferences");
            ServerViewTest.press(ok);
        } finally {
            if (dialog.getShell() != null && !dialog.getShell().isDisposed()) {
                dialog.close();
            }
        }
        assertEquals(port, WorkbenchPreferences.node().getInt(WorkbenchPreferences.SERVER_PORT, -1), "stored");
        assertEquals(before, URI.create(view.address()).getPort(), "the running server keeps its port");

        ServerViewTest.press(view.stopButton());
        Widgets.waitUntil("stopped", 60, () -> view.startButton().isEnabled());
        ServerViewTest.press(view.startButton());
        Widgets.waitUntil("started", 60, () -> view.stopButton().isEnabled() && !view.address().isEmpty());

        URI address = URI.create(view.address());
        assertEquals(port, address.getPort(), "the port of the preferences");
        assertNotEquals(before, address.getPort());
        HttpResponse<String> catalogue = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(address.resolve("/api/seminars")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, catalogue.statusCode());
    }

    @Test
    void aDatabaseUrlWithItsPasswordOrNotForPostgresqlIsRefusedAsItIsTyped() throws Exception {
        PreferenceDialog dialog = openPreferences();
        try {
            Text url = field(dialog, WorkbenchPreferences.DATABASE_URL);
            Button ok = okButton(dialog);
            PreferencePage preferences = (PreferencePage) dialog.getSelectedPage();

            type(url, "jdbc:mysql://db/manabi");
            assertFalse(ok.isEnabled());
            assertTrue(preferences.getErrorMessage().startsWith("Not a PostgreSQL URL: jdbc:mysql://db/manabi"),
                    preferences.getErrorMessage());
            type(url, "jdbc:postgresql://db/manabi?user=manabi&password=secret");
            assertFalse(ok.isEnabled());
            assertTrue(preferences.getErrorMessage().contains("MANABI_DB_PASSWORD"), preferences.getErrorMessage());
            type(url, "jdbc:postgresql://db.example.jp:5432/manabi?user=manabi");
            assertTrue(ok.isEnabled(), "a PostgreSQL URL: " + preferences.getErrorMessage());
            type(url, "");
            assertTrue(ok.isEnabled(), "empty: the H2 file");
        } finally {
            dialog.close();
        }
    }

    @Test
    void theDatabasePasswordIsKeptEncryptedInSecureStorageAndTheEnvironmentWins() throws Exception {
        String password = "pg-" + System.nanoTime();
        PreferenceDialog dialog = openPreferences();
        try {
            Text field = field(dialog, WorkbenchSecrets.DATABASE_PASSWORD);
            assertTrue((field.getStyle() & SWT.PASSWORD) != 0, "typed unseen");
            type(field, password);
            ServerViewTest.press(okButton(dialog));
            assertTrue(dialog.getShell() == null || dialog.getShell().isDisposed(),
                    "OK closes: " + ((PreferencePage) dialog.getSelectedPage()).getErrorMessage());
        } finally {
            if (dialog.getShell() != null && !dialog.getShell().isDisposed()) {
                dialog.close();
            }
        }

        assertEquals(password, WorkbenchSecrets.databasePassword(Map.of()), "the workbench's password");
        assertEquals("from-the-environment", WorkbenchSecrets.databasePassword(
                Map.of(WorkbenchSecrets.ENVIRONMENT, "from-the-environment")), "MANABI_DB_PASSWORD wins");
        ISecurePreferences secrets = SecurePreferencesFactory.getDefault().node(WorkbenchPreferences.NODE);
        assertTrue(secrets.isEncrypted(WorkbenchSecrets.DATABASE_PASSWORD), "encrypted");
        assertFalse(Arrays.asList(WorkbenchPreferences.node().keys()).contains(WorkbenchSecrets.DATABASE_PASSWORD),
                "not in the preferences, a plain file");
        Path keyring = Path.of(System.getProperty("manabi.repository"), "tests", "org.manabi.ui.tests", "target",
                "secure_storage");
        String onDisk = Files.readString(keyring, StandardCharsets.ISO_8859_1);
        assertTrue(onDisk.contains("databasePassword") && !onDisk.contains(password),
                "the keyring file holds the key and not the password");

        PreferenceDialog again = openPreferences();
        try {
            Text field = field(again, WorkbenchSecrets.DATABASE_PASSWORD);
            assertEquals(password, field.getText(), "the page shows the stored password (unseen)");
            type(field, "");
            ServerViewTest.press(okButton(again));
        } finally {
            if (again.getShell() != null && !again.getShell().isDisposed()) {
                again.close();
            }
        }
        assertNull(WorkbenchSecrets.databasePassword(Map.of()), "emptied: removed");
    }

    /** Window → Preferences, on the Manabi page, left open for the test to drive. */
    private PreferenceDialog openPreferences() {
        PreferenceDialog dialog = PreferencesUtil.createPreferenceDialogOn(page.getWorkbenchWindow().getShell(),
                ManabiPreferencePage.ID, new String[] { ManabiPreferencePage.ID }, null);
        dialog.setBlockOnOpen(false);
        dialog.open();
        Widgets.flush();
        return dialog;
    }

    private static Text field(PreferenceDialog dialog, String preference) {
        return Widgets.one(dialog.getShell(), Text.class, text -> preference.equals(text.getData("preference")));
    }

    private static Button okButton(PreferenceDialog dialog) {
        return Widgets.one(dialog.getShell(), Button.class,
                button -> Integer.valueOf(IDialogConstants.OK_ID).equals(button.getData()));
    }

    /** Types into a field as a user does: into the field, the text changes, then the key goes up. */
    private static void type(Text field, String text) {
        field.setFocus();
        Widgets.flush();
        field.setText(text);
        field.notifyListeners(SWT.KeyUp, new Event());
        Widgets.flush();
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
