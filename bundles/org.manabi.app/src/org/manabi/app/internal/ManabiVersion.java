package org.manabi.app.internal;

import org.osgi.framework.FrameworkUtil;

import picocli.CommandLine.IVersionProvider;

/** {@code manabi --version}: the version of the running product, from its bundle. */
final class ManabiVersion implements IVersionProvider {

    @Override
    public String[] getVersion() {
        var bundle = FrameworkUtil.getBundle(ManabiVersion.class);
        return new String[] { "Manabi " + (bundle == null ? "(development)" : bundle.getVersion()) };
    }
}
