package org.manabi.content.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.eclipse.emf.common.util.BasicDiagnostic;
import org.eclipse.emf.common.util.Diagnostic;
import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.InternalEObject;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.ecore.resource.impl.ResourceImpl;
import org.eclipse.emf.ecore.util.Diagnostician;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.manabi.content.ContentProblem;

/**
 * Runs EMF's validation over a content file and turns each diagnostic into a {@link ContentProblem}
 * naming the element by its label and id and the field at fault.
 */
public final class ContentValidator {

    private final Diagnostician diagnostician = new Diagnostician() {
        @Override
        public String getObjectLabel(EObject eObject) {
            return ContentValidator.label(eObject);
        }
    };

    public List<ContentProblem> validate(Resource resource, Path file) {
        List<ContentProblem> problems = new ArrayList<>();
        withIdIndex(resource, () -> {
            for (EObject root : resource.getContents()) {
                Map<Object, Object> context = diagnostician.createDefaultContext();
                BasicDiagnostic diagnostics = diagnostician.createDefaultDiagnostic(root);
                diagnostician.validate(root, diagnostics, context);
                collect(diagnostics, file, problems);
            }
        });
        if (resource.getURI().isFile()) {
            problems.addAll(DomainRules.check(resource, file, Path.of(resource.getURI().toFileString()).getParent()));
        }
        return problems;
    }

    /**
     * Runs {@code validation} with the resource's elements indexed by id. EMF's unique-id constraint
     * looks each element's id up in its resource, and without an index a resource finds an id by
     * walking all its elements: validating a file of 100 seminars took seconds, growing with the
     * square of its size. The index is the resource's own ({@link ResourceImpl#setIntrinsicIDToEObjectMap}),
     * but only while validating: nothing changes the model then, whereas an index kept for good would
     * have to follow every id edited. The first element with an id wins, as in EMF's own walk, so a
     * duplicate is reported on the same element as before.
     */
    private static void withIdIndex(Resource resource, Runnable validation) {
        if (!(resource instanceof ResourceImpl indexed)) {
            validation.run();
            return;
        }
        Map<String, EObject> ids = new java.util.HashMap<>();
        for (var contents = resource.getAllContents(); contents.hasNext();) {
            EObject element = contents.next();
            String id = EcoreUtil.getID(element);
            if (id != null) {
                ids.putIfAbsent(id, element);
            }
        }
        Map<String, EObject> before = indexed.getIntrinsicIDToEObjectMap();
        indexed.setIntrinsicIDToEObjectMap(ids);
        try {
            validation.run();
        } finally {
            indexed.setIntrinsicIDToEObjectMap(before);
        }
    }

    /**
     * Ids must be unique across the content folder: operational data points at them. (Within one
     * file EMF's own validation reports a duplicate already.)
     */
    public List<ContentProblem> duplicateIds(List<Resource> resources, java.util.function.Function<Resource, Path> files) {
        List<ContentProblem> problems = new ArrayList<>();
        Map<String, Resource> firstPlace = new java.util.HashMap<>();
        for (Resource resource : resources) {
            for (var contents = resource.getAllContents(); contents.hasNext();) {
                EObject element = contents.next();
                String id = EcoreUtil.getID(element);
                if (id == null) {
                    continue;
                }
                Resource first = firstPlace.putIfAbsent(id, resource);
                if (first != null && first != resource) {
                    problems.add(new ContentProblem(ContentProblem.Severity.ERROR, files.apply(resource), 0,
                            label(element), "id", org.eclipse.osgi.util.NLS.bind(Messages.Rule_duplicateId, id,
                                    files.apply(first).toString().replace('\\', '/')), fragment(element)));
                }
            }
        }
        return problems;
    }

    /**
     * @return "Seminar «t» (id s) [host] → Organisation (id x)" for the first reference of the
     *         resource to an element that belongs to no resource, or null when there is none
     */
    public static String danglingReference(Resource resource) {
        for (var contents = resource.getAllContents(); contents.hasNext();) {
            EObject element = contents.next();
            for (var references = element.eCrossReferences().iterator(); references.hasNext();) {
                EObject target = references.next();
                if (!target.eIsProxy() && target.eResource() == null) {
                    String feature = ((org.eclipse.emf.ecore.util.EContentsEList.FeatureIterator<?>) references)
                            .feature().getName();
                    return label(element) + " [" + feature + "] \u2192 " + label(target);
                }
            }
        }
        return null;
    }

    private static void collect(Diagnostic diagnostic, Path file, List<ContentProblem> problems) {
        if (diagnostic.getChildren().isEmpty()) {
            if (diagnostic.getSeverity() >= Diagnostic.WARNING) {
                problems.add(toProblem(diagnostic, file));
            }
            return;
        }
        for (Diagnostic child : diagnostic.getChildren()) {
            collect(child, file, problems);
        }
    }

    private static ContentProblem toProblem(Diagnostic diagnostic, Path file) {
        EObject element = null;
        String field = "";
        for (Object datum : diagnostic.getData()) {
            if (element == null && datum instanceof EObject eObject && !(datum instanceof EStructuralFeature)) {
                element = eObject;
            } else if (field.isEmpty() && datum instanceof EStructuralFeature feature) {
                field = feature.getName();
            }
        }
        ContentProblem.Severity severity = diagnostic.getSeverity() >= Diagnostic.ERROR
                ? ContentProblem.Severity.ERROR
                : ContentProblem.Severity.WARNING;
        return new ContentProblem(severity, file, 0, element == null ? "" : label(element), field,
                diagnostic.getMessage(), element == null ? "" : fragment(element));
    }

    /** Where the element is in its resource, as EMF resolves it back ({@code Resource#getEObject}). */
    static String fragment(EObject element) {
        Resource resource = element.eResource();
        return resource == null ? "" : resource.getURIFragment(element);
    }

    /** "Seminar «DICOMセミナー 初心者向け» (id dicom-beginner-2026)": the type, the name a person knows, the id. */
    static String label(EObject eObject) {
        StringBuilder label = new StringBuilder(eObject.eClass().getName());
        if (eObject.eIsProxy()) {
            // a reference that did not resolve: say where it points, as written in the file
            URI target = ((InternalEObject) eObject).eProxyURI();
            return label.append(' ').append(target.lastSegment()).append('#').append(target.fragment()).toString();
        }
        for (String name : List.of("title", "name")) {
            EStructuralFeature feature = eObject.eClass().getEStructuralFeature(name);
            if (feature != null && eObject.eGet(feature) instanceof String value && !value.isBlank()) {
                label.append(" «").append(value).append('»');
                break;
            }
        }
        String id = EcoreUtil.getID(eObject);
        if (id != null) {
            label.append(" (id ").append(id).append(')');
        }
        return label.toString();
    }
}
