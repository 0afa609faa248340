package org.manabi.ui;

import java.io.IOException;
import java.util.Map;

import org.eclipse.equinox.security.storage.ISecurePreferences;
import org.eclipse.equinox.security.storage.SecurePreferencesFactory;
import org.eclipse.equinox.security.storage.StorageException;

/**
 * The workbench's one secret, the PostgreSQL password of Window → Preferences → Manabi, kept
 * encrypted in Eclipse secure storage (never in the preferences, which are a plain file). Its master
 * password comes from the desktop's keyring (Windows DPAPI, macOS Keychain, libsecret on Linux) or,
 * where there is none, from a file named by {@code -eclipse.password}, as in any Eclipse product.
 * The environment variable {@value #ENVIRONMENT} wins, as for {@code manabi serve}.
 */
public final class WorkbenchSecrets {

    /** The environment variable that gives the password for one run, over the stored one. */
    public static final String ENVIRONMENT = "MANABI_DB_PASSWORD";

    /** The key of the password in the workbench's node of secure storage. */
    public static final String DATABASE_PASSWORD = "databasePassword";

    private WorkbenchSecrets() {
    }

    /**
     * The database password for this run: the environment's when it has one, else the stored one.
     *
     * @return null when neither has one
     * @throws StorageException when a password is stored but cannot be decrypted (no keyring, cancelled)
     */
    public static String databasePassword(Map<String, String> environment) throws StorageException {
        String given = environment.get(ENVIRONMENT);
        return given != null ? given : storedDatabasePassword();
    }

    /** The stored password; null when none is. */
    public static String storedDatabasePassword() throws StorageException {
        return node().get(DATABASE_PASSWORD, null);
    }

    /** Stores the password encrypted, or removes it when {@code password} is empty. */
    public static void storeDatabasePassword(String password) throws StorageException {
        ISecurePreferences node = node();
        if (password.isEmpty()) {
            node.remove(DATABASE_PASSWORD);
        } else {
            node.put(DATABASE_PASSWORD, password, true);
        }
        try {
            node.flush();
        } catch (IOException e) {
            throw new StorageException(StorageException.INTERNAL_ERROR, e);
        }
    }

    private static ISecurePreferences node() throws StorageException {
        ISecurePreferences root = SecurePreferencesFactory.getDefault();
        if (root == null) { // the storage file cannot be opened; Equinox has logged why
            throw new StorageException(StorageException.INTERNAL_ERROR, "Eclipse secure storage cannot be opened");
        }
        return root.node(WorkbenchPreferences.NODE);
    }
}
