package org.manabi.content.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.manabi.content.ContentException;
import org.manabi.content.ContentProblem;
import org.manabi.content.ContentRepository;
import org.manabi.model.Curriculum;
import org.manabi.model.ManabiFactory;
import org.manabi.model.Organisation;

import org.manabi.model.Seminar;

class ContentRepositoryTest {

    private static final Path REAL_CONTENT = Path.of(System.getProperty("manabi.repository"), "content");

    private static final String HEADER = """
            <?xml version="1.0" encoding="UTF-8"?>
            <manabi:Curriculum xmi:version="2.0" xmlns:xmi="http://www.omg.org/XMI" \
            xmlns:manabi="http://manabi.org/model/1.0" id="%s" title="t">
            """;

    @Test
    void theRealContentLoadsAndValidatesClean() throws Exception {
        ContentRepository repository = ContentRepository.open(REAL_CONTENT);

        assertEquals(List.of(), repository.validate(), "problems in content/");
        List<String> ids = repository.curricula().stream().map(Curriculum::getId).toList();
        assertTrue(ids.contains("organisations") && ids.contains("fy2025"), "curricula: " + ids);
        Seminar mdsSds = (Seminar) repository.resourceSet().getEObject(
                org.eclipse.emf.common.util.URI.createFileURI(REAL_CONTENT.resolve("history/fy2025.manabi").toString())
                        .appendFragment("mds-sds-writing-2025"), true);
        assertEquals(3000, mdsSds.getFee().getMemberYen());
        assertEquals("JAHIS", mdsSds.getHost().getShortName(), "cross-file reference");
    }

    @Test
    void everyContentFileSurvivesASaveAndReload(@TempDir Path temp) throws Exception {
        copyTree(REAL_CONTENT, temp);
        ContentRepository first = ContentRepository.open(temp);
        for (Resource resource : first.resourceSet().getResources()) {
            first.save(resource);
        }
        ContentRepository second = ContentRepository.open(temp);

        assertEquals(first.curricula().size(), second.curricula().size());
        for (int i = 0; i < first.curricula().size(); i++) {
            assertTrue(EcoreUtil.equals(first.curricula().get(i), second.curricula().get(i)),
                    "curriculum " + first.curricula().get(i).getId() + " changed in the round trip");
        }
        assertEquals(List.of(), second.validate());
    }

    @Test
    void aMalformedFileIsReportedWithItsLineAndTheOthersStillLoad(@TempDir Path temp) throws Exception {
        write(temp.resolve("good.manabi"), HEADER.formatted("good") + "</manabi:Curriculum>\n");
        write(temp.resolve("sub/broken.manabi"), HEADER.formatted("broken") + "  <plans id=\"p\" fiscalYear=\"2026\">\n"
                + "</manabi:Curriculum>\n");

        ContentRepository repository = ContentRepository.open(temp);

        assertEquals(List.of("good"), repository.curricula().stream().map(Curriculum::getId).toList());
        assertEquals(1, repository.loadProblems().size(), repository.loadProblems().toString());
        ContentProblem problem = repository.loadProblems().get(0);
        assertEquals(Path.of("sub", "broken.manabi"), problem.file());
        assertEquals(4, problem.line(), "the line of the mismatched end tag: " + problem);
        assertTrue(problem.format().startsWith("sub/broken.manabi:4: error: "), problem.format());
    }

    @Test
    void validationNamesTheElementAndTheField(@TempDir Path temp) throws Exception {
        write(temp.resolve("plan.manabi"), HEADER.formatted("plan")
                + "  <plans id=\"plan-2026\" fiscalYear=\"2026\">\n"
                + "    <seminars id=\"untitled-seminar\" kind=\"seminar\"/>\n"
                + "  </plans>\n</manabi:Curriculum>\n");

        List<ContentProblem> problems = ContentRepository.open(temp).validate();

        assertEquals(1, problems.size(), problems.toString());
        ContentProblem problem = problems.get(0);
        assertEquals(ContentProblem.Severity.ERROR, problem.severity());
        assertEquals("Seminar (id untitled-seminar)", problem.element());
        assertEquals("title", problem.field());
        assertTrue(problem.format().startsWith("plan.manabi: error: Seminar (id untitled-seminar) [title]: "),
                problem.format());
    }

    @Test
    void aReferenceToAMissingElementIsAnError(@TempDir Path temp) throws Exception {
        write(temp.resolve("plan.manabi"), HEADER.formatted("plan")
                + "  <plans id=\"plan-2026\" fiscalYear=\"2026\">\n"
                + "    <seminars id=\"s\" title=\"DICOM\"><host href=\"organisations.manabi#nobody\"/></seminars>\n"
                + "  </plans>\n</manabi:Curriculum>\n");

        List<ContentProblem> problems = ContentRepository.open(temp).validate();

        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).format().contains("Seminar «DICOM» (id s)"), problems.get(0).format());
        assertTrue(problems.get(0).message().contains("organisations.manabi#nobody"), problems.get(0).message());
    }

    @Test
    void aSaveThatFailsLeavesTheFileAsItWasAndNoTemporaryFile(@TempDir Path temp) throws Exception {
        Path file = temp.resolve("plan.manabi");
        write(file, HEADER.formatted("plan") + "  <plans id=\"plan-2026\" fiscalYear=\"2026\"/>\n</manabi:Curriculum>\n");
        byte[] before = Files.readAllBytes(file);
        ContentRepository repository = ContentRepository.open(temp);
        Curriculum curriculum = repository.curricula().get(0);
        // a reference to an element that lives in no file cannot be written: the save must fail before the file is touched
        Seminar seminar = ManabiFactory.eINSTANCE.createSeminar();
        seminar.setId("s");
        seminar.setTitle("t");
        Organisation homeless = ManabiFactory.eINSTANCE.createOrganisation();
        homeless.setId("homeless");
        seminar.setHost(homeless);
        curriculum.getPlans().get(0).getSeminars().add(seminar);

        assertThrows(IOException.class, () -> repository.save(curriculum.eResource()));

        assertEquals(new String(before, StandardCharsets.UTF_8), Files.readString(file));
        try (Stream<Path> files = Files.list(temp)) {
            assertEquals(List.of(file), files.toList());
        }
    }

    @Test
    void aSaveCutShortByACrashLeavesTheOldFileAndAHarmlessLeftover(@TempDir Path temp) throws Exception {
        Path file = temp.resolve("plan.manabi");
        write(file, HEADER.formatted("plan") + "</manabi:Curriculum>\n");
        // what a crash between writing and renaming leaves: a half-written temporary file beside the old one
        write(temp.resolve(".plan.manabi1234567.saving"), HEADER.formatted("plan") + "  <plans id=\"p\" fisc");

        ContentRepository repository = ContentRepository.open(temp);

        assertEquals(List.of(Path.of("plan.manabi")), repository.files());
        assertEquals(List.of(), repository.validate());
        repository.curricula().get(0).setTitle("after the crash");
        repository.save(repository.curricula().get(0).eResource());
        assertTrue(Files.readString(file).contains("after the crash"));
    }

    @Test
    void listenersHearOfEverySave(@TempDir Path temp) throws Exception {
        write(temp.resolve("a.manabi"), HEADER.formatted("a") + "</manabi:Curriculum>\n");
        ContentRepository repository = ContentRepository.open(temp);
        List<Path> saved = new ArrayList<>();
        repository.addListener(saved::add);
        Curriculum curriculum = repository.curricula().get(0);
        curriculum.setTitle("新しい題名");

        repository.save(curriculum.eResource());

        assertEquals(List.of(Path.of("a.manabi")), saved);
        assertTrue(Files.readString(temp.resolve("a.manabi")).contains("新しい題名"));
        assertFalse(curriculum.eResource().isModified());
    }

    @Test
    void aMissingFolderIsNamed(@TempDir Path temp) {
        ContentException e = assertThrows(ContentException.class,
                () -> ContentRepository.open(temp.resolve("nowhere")));
        assertTrue(e.getMessage().contains(temp.resolve("nowhere").toString()), e.getMessage());
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path path : paths.toList()) {
                Path target = to.resolve(from.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(path, target);
                }
            }
        }
    }
}
