package org.manabi.store.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.manabi.store.Database;
import org.manabi.store.StoreException;

class DatabaseTest {

    @Test
    void theH2FileIsCreatedInTheDataFolderAndKeepsWhatWasCommitted(@TempDir Path temp) throws Exception {
        Path data = temp.resolve("data");
        try (Database database = Database.openH2(data)) {
            assertTrue(database.isHealthy());
            assertTrue(database.description().contains(data.resolve("manabi.mv.db").toString()));
            try (Connection connection = database.dataSource().getConnection();
                    Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE note (text VARCHAR(100))");
                statement.execute("INSERT INTO note VALUES ('受講登録')");
                connection.commit();
            }
        }
        assertTrue(Files.exists(data.resolve("manabi.mv.db")));

        try (Database reopened = Database.openH2(data);
                Connection connection = reopened.dataSource().getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT text FROM note")) {
            assertTrue(rows.next());
            assertEquals("受講登録", rows.getString(1));
        }
    }

    @Test
    void anUnsupportedUrlIsRefusedByName() {
        StoreException e = assertThrows(StoreException.class, () -> Database.openUrl("jdbc:mysql://localhost/x"));
        assertTrue(e.getMessage().contains("jdbc:mysql://localhost/x"), e.getMessage());
    }

    @Test
    void anUnreachablePostgresqlServerIsNamed() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        String url = "jdbc:postgresql://127.0.0.1:" + closedPort + "/manabi?connectTimeout=2";

        StoreException e = assertThrows(StoreException.class, () -> Database.openUrl(url));

        assertTrue(e.getMessage().startsWith("The database PostgreSQL 127.0.0.1/manabi cannot be opened"),
                e.getMessage());
    }
}
