package org.manabi.emfgen;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;

import org.eclipse.emf.codegen.ecore.generator.Generator;
import org.eclipse.emf.codegen.ecore.generator.GeneratorAdapterFactory;
import org.eclipse.emf.codegen.ecore.genmodel.GenModel;
import org.eclipse.emf.codegen.ecore.genmodel.GenModelFactory;
import org.eclipse.emf.codegen.ecore.genmodel.GenModelPackage;
import org.eclipse.emf.codegen.ecore.genmodel.generator.GenBaseGeneratorAdapter;
import org.eclipse.emf.codegen.ecore.genmodel.generator.GenModelGeneratorAdapterFactory;
import org.eclipse.emf.common.util.BasicMonitor;
import org.eclipse.emf.common.util.Diagnostic;
import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.EPackage;
import org.eclipse.emf.ecore.EcorePackage;
import org.eclipse.emf.ecore.plugin.EcorePlugin;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.ecore.resource.ResourceSet;
import org.eclipse.emf.ecore.resource.impl.ResourceSetImpl;
import org.eclipse.emf.ecore.util.Diagnostician;
import org.eclipse.emf.ecore.xmi.impl.EcoreResourceFactoryImpl;
import org.eclipse.emf.ecore.xmi.impl.XMIResourceFactoryImpl;

/**
 * Generates the model and edit code of Manabi headlessly, outside Eclipse.
 * <p>
 * The generator writes whole plug-in projects (manifest, plugin.xml, icons, properties, Java) into a
 * scratch folder; only what follows the model is copied into the bundles: {@code src-gen/}, the edit
 * icons and the generated {@code plugin.properties}. Manifests, build.properties and plugin.xml stay
 * hand-kept in git, because Tycho reads them before any module is built.
 * <p>
 * Arguments: the .genmodel, the bundles folder, a scratch folder.
 */
public final class GenerateModel {

    private static final String MODEL_BUNDLE = "org.manabi.model";
    private static final String EDIT_BUNDLE = "org.manabi.model.edit";

    private GenerateModel() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 3) {
            throw new IllegalArgumentException("usage: GenerateModel <genmodel> <bundles dir> <scratch dir>");
        }
        Path genModelFile = Path.of(args[0]).toAbsolutePath();
        Path bundles = Path.of(args[1]).toAbsolutePath();
        Path scratch = Path.of(args[2]).toAbsolutePath();
        deleteTree(scratch);

        registerStandalone(scratch);
        GenModel genModel = loadGenModel(genModelFile);

        Generator generator = new Generator();
        generator.setInput(genModel);
        for (String projectType : List.of(GenBaseGeneratorAdapter.MODEL_PROJECT_TYPE,
                GenBaseGeneratorAdapter.EDIT_PROJECT_TYPE)) {
            Diagnostic result = generator.generate(genModel, projectType, new BasicMonitor());
            if (result.getSeverity() >= Diagnostic.ERROR) {
                throw new IllegalStateException("EMF generation of " + projectType + " failed: " + describe(result));
            }
        }

        replaceTree(scratch.resolve(MODEL_BUNDLE + "/src-gen"), bundles.resolve(MODEL_BUNDLE + "/src-gen"));
        replaceTree(scratch.resolve(EDIT_BUNDLE + "/src-gen"), bundles.resolve(EDIT_BUNDLE + "/src-gen"));
        replaceTree(scratch.resolve(EDIT_BUNDLE + "/icons"), bundles.resolve(EDIT_BUNDLE + "/icons"));
        Files.copy(scratch.resolve(MODEL_BUNDLE + "/plugin.properties"),
                bundles.resolve(MODEL_BUNDLE + "/plugin.properties"), StandardCopyOption.REPLACE_EXISTING);
        Files.copy(scratch.resolve(EDIT_BUNDLE + "/plugin.properties"),
                bundles.resolve(EDIT_BUNDLE + "/plugin.properties"), StandardCopyOption.REPLACE_EXISTING);
        System.out.println("EMF code generated from " + genModelFile.getFileName() + " into " + bundles);
    }

    /** What the Eclipse IDE registers through plugin.xml, done by hand for a plain JVM. */
    private static void registerStandalone(Path scratch) throws IOException {
        EcorePackage.eINSTANCE.eClass();
        GenModelPackage.eINSTANCE.eClass();
        var extensions = Resource.Factory.Registry.INSTANCE.getExtensionToFactoryMap();
        extensions.put("ecore", new EcoreResourceFactoryImpl());
        extensions.put("genmodel", new XMIResourceFactoryImpl());
        for (String project : List.of(MODEL_BUNDLE, EDIT_BUNDLE)) {
            // the generator only writes into "projects" that already exist
            Path folder = Files.createDirectories(scratch.resolve(project));
            EcorePlugin.getPlatformResourceMap().put(project, URI.createFileURI(folder + "/"));
        }
        GeneratorAdapterFactory.Descriptor.Registry.INSTANCE.addDescriptor(GenModelPackage.eNS_URI,
                GenModelGeneratorAdapterFactory.DESCRIPTOR);
    }

    /**
     * Builds a fresh GenModel from the Ecore and takes the settings of the .genmodel file, the way
     * EMF's "reload" does: the file keeps only settings, never a stale list of classes.
     */
    private static GenModel loadGenModel(Path genModelFile) {
        ResourceSet resourceSet = new ResourceSetImpl();
        GenModel settings = (GenModel) resourceSet.getResource(URI.createFileURI(genModelFile.toString()), true)
                .getContents().get(0);
        List<EPackage> packages = settings.getForeignModel().stream()
                .map(name -> genModelFile.resolveSibling(name).toString())
                .map(path -> (EPackage) resourceSet.getResource(URI.createFileURI(path), true).getContents().get(0))
                .toList();
        for (EPackage ePackage : packages) {
            Diagnostic diagnostic = Diagnostician.INSTANCE.validate(ePackage);
            if (diagnostic.getSeverity() >= Diagnostic.ERROR) {
                throw new IllegalStateException("manabi.ecore is invalid: " + describe(diagnostic));
            }
        }
        GenModel genModel = GenModelFactory.eINSTANCE.createGenModel();
        resourceSet.createResource(URI.createFileURI(genModelFile.resolveSibling("generated.genmodel").toString()))
                .getContents().add(genModel);
        genModel.initialize(packages);
        genModel.getForeignModel().addAll(settings.getForeignModel());
        genModel.reconcile(settings);
        genModel.setCanGenerate(true);
        genModel.setUpdateClasspath(false);
        return genModel;
    }

    private static String describe(Diagnostic diagnostic) {
        StringBuilder text = new StringBuilder(diagnostic.getMessage());
        for (Diagnostic child : diagnostic.getChildren()) {
            text.append(System.lineSeparator()).append("  ").append(describe(child));
        }
        return text.toString();
    }

    private static void replaceTree(Path from, Path to) throws IOException {
        deleteTree(to);
        Files.walkFileTree(from, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                Files.createDirectories(to.resolve(from.relativize(dir)));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.copy(file, to.resolve(from.relativize(file)), StandardCopyOption.REPLACE_EXISTING);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (var paths = Files.walk(root)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.delete(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
