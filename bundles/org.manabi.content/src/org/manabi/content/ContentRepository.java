package org.manabi.content;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.ecore.resource.ResourceSet;
import org.eclipse.emf.ecore.resource.impl.ResourceSetImpl;
import org.eclipse.osgi.util.NLS;
import org.manabi.content.internal.AtomicFiles;
import org.manabi.content.internal.ContentResourceFactory;
import org.manabi.content.internal.ContentValidator;
import org.manabi.content.internal.Messages;
import org.manabi.model.Curriculum;
import org.manabi.model.ManabiPackage;

/**
 * The curricula under one content folder: every {@code *.manabi} file (XMI) below it, loaded into one
 * resource set so that references between files resolve.
 * <p>
 * A file that cannot be read is reported as a {@link ContentProblem} with its line, and the other
 * files still load. Saving is atomic: a crash during a save leaves either the old or the new file.
 */
public final class ContentRepository {

    /** The extension of content files. */
    public static final String FILE_EXTENSION = "manabi";

    private final Path root;
    private final ResourceSet resourceSet = new ResourceSetImpl();
    private final List<ContentProblem> loadProblems = new ArrayList<>();
    private final List<Path> files = new ArrayList<>();
    private final List<ContentListener> listeners = new CopyOnWriteArrayList<>();

    private ContentRepository(Path root) {
        this.root = root;
        resourceSet.getPackageRegistry().put(ManabiPackage.eNS_URI, ManabiPackage.eINSTANCE);
        resourceSet.getResourceFactoryRegistry().getExtensionToFactoryMap().put(FILE_EXTENSION,
                new ContentResourceFactory());
    }

    /**
     * Loads every content file below {@code folder}.
     *
     * @throws ContentException if the folder does not exist or cannot be listed
     */
    public static ContentRepository open(Path folder) throws ContentException {
        Path root = folder.toAbsolutePath().normalize();
        if (!Files.isDirectory(root)) {
            throw new ContentException(NLS.bind(Messages.ContentRepository_noFolder, root));
        }
        ContentRepository repository = new ContentRepository(root);
        repository.loadAll();
        return repository;
    }

    private void loadAll() throws ContentException {
        List<Path> files;
        try (Stream<Path> paths = Files.walk(root)) {
            files = paths.filter(path -> path.getFileName().toString().endsWith("." + FILE_EXTENSION))
                    .filter(Files::isRegularFile).sorted().toList();
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new ContentException(NLS.bind(Messages.ContentRepository_cannotList, root, e.getMessage()), e);
        }
        for (Path file : files) {
            this.files.add(root.relativize(file));
            Resource resource = resourceSet.createResource(URI.createFileURI(file.toString()));
            try {
                resource.load(null);
            } catch (IOException | RuntimeException e) {
                // the errors of a malformed file are in resource.getErrors(), with their lines
                if (resource.getErrors().isEmpty()) {
                    loadProblems.add(fileProblem(file, 0, NLS.bind(Messages.ContentRepository_unreadable,
                            e.getMessage())));
                }
            }
            for (Resource.Diagnostic error : resource.getErrors()) {
                loadProblems.add(fileProblem(file, error.getLine(), error.getMessage()));
            }
            if (!resource.getErrors().isEmpty()) {
                // half-read content must never be saved back over the file
                resource.unload();
                resourceSet.getResources().remove(resource);
            } else if (resource.getContents().isEmpty()
                    || !(resource.getContents().get(0) instanceof Curriculum)) {
                loadProblems.add(fileProblem(file, 0, Messages.ContentRepository_notCurriculum));
            }
        }
    }

    private ContentProblem fileProblem(Path file, int line, String message) {
        return new ContentProblem(ContentProblem.Severity.ERROR, root.relativize(file), line, "", "", message);
    }

    /** The content folder, absolute. */
    public Path root() {
        return root;
    }

    /** Every content file found, readable or not, relative to the content folder. */
    public List<Path> files() {
        return Collections.unmodifiableList(files);
    }

    /** The curricula that loaded, in file order. */
    public List<Curriculum> curricula() {
        List<Curriculum> curricula = new ArrayList<>();
        for (Resource resource : resourceSet.getResources()) {
            for (EObject content : resource.getContents()) {
                if (content instanceof Curriculum curriculum) {
                    curricula.add(curriculum);
                }
            }
        }
        return Collections.unmodifiableList(curricula);
    }

    /** The resource set that holds the loaded files; editors build their editing domain on it. */
    public ResourceSet resourceSet() {
        return resourceSet;
    }

    /** The file behind a resource of this repository, relative to the content folder. */
    public Path relativePath(Resource resource) {
        return root.relativize(Path.of(resource.getURI().toFileString()));
    }

    /** Problems met while reading files (malformed XML, unknown elements), one per problem. */
    public List<ContentProblem> loadProblems() {
        return Collections.unmodifiableList(loadProblems);
    }

    /** Everything wrong with the content: the load problems, then what validation finds in each file. */
    public List<ContentProblem> validate() {
        List<ContentProblem> problems = new ArrayList<>(loadProblems);
        for (Resource resource : List.copyOf(resourceSet.getResources())) {
            problems.addAll(validate(resource));
        }
        problems.addAll(duplicateIds());
        return problems;
    }

    /**
     * What validation finds in one file of this repository (EMF's constraints and the domain rules),
     * for callers that validate again only the files that changed; ids used twice across files are
     * {@link #duplicateIds()}'s.
     */
    public List<ContentProblem> validate(Resource resource) {
        return new ContentValidator().validate(resource, relativePath(resource));
    }

    /** Ids given to two elements in different files (operational data points at them). */
    public List<ContentProblem> duplicateIds() {
        return new ContentValidator().duplicateIds(List.copyOf(resourceSet.getResources()), this::relativePath);
    }

    /**
     * Writes a resource to its file atomically and tells the listeners.
     *
     * @throws IOException if the file cannot be written, or the resource refers to an element that is
     *         in no file; the old file is then untouched
     */
    public void save(Resource resource) throws IOException {
        String dangling = ContentValidator.danglingReference(resource);
        if (dangling != null) {
            // EMF would write the id and lose the element: refuse before the file is touched
            throw new IOException(NLS.bind(Messages.ContentRepository_dangling, relativePath(resource), dangling));
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        resource.save(bytes, null);
        Path file = Path.of(resource.getURI().toFileString());
        AtomicFiles.write(file, bytes.toByteArray());
        resource.setModified(false);
        Path relative = root.relativize(file);
        for (ContentListener listener : listeners) {
            listener.contentSaved(relative);
        }
    }

    public void addListener(ContentListener listener) {
        listeners.add(listener);
    }

    public void removeListener(ContentListener listener) {
        listeners.remove(listener);
    }
}
