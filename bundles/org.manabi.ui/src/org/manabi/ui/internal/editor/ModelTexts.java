package org.manabi.ui.internal.editor;

import java.util.MissingResourceException;

import org.eclipse.emf.common.util.Enumerator;
import org.eclipse.emf.ecore.EEnum;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.manabi.model.provider.ManabiEditPlugin;

/**
 * The names of fields and of enumeration values as the model's EMF.Edit bundle gives them, in the
 * user's language (plugin.properties and its _ja twin), so that the editor, the explorer and the
 * property names in diagnostics all say the same thing.
 */
public final class ModelTexts {

    private ModelTexts() {
    }

    static String feature(EStructuralFeature feature) {
        return text("_UI_" + feature.getEContainingClass().getName() + "_" + feature.getName() + "_feature",
                feature.getName());
    }

    public static String type(org.eclipse.emf.ecore.EClass type) {
        return text("_UI_" + type.getName() + "_type", type.getName());
    }

    static String literal(EEnum type, Enumerator value) {
        return value == null ? "" : text("_UI_" + type.getName() + "_" + value.getName() + "_literal", value.getLiteral());
    }

    private static String text(String key, String fallback) {
        try {
            return ManabiEditPlugin.INSTANCE.getString(key);
        } catch (MissingResourceException e) {
            return fallback;
        }
    }
}
