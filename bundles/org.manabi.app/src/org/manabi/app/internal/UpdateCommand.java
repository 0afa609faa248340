package org.manabi.app.internal;

import java.io.PrintWriter;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.equinox.p2.core.IProvisioningAgent;
import org.eclipse.equinox.p2.core.ProvisionException;
import org.eclipse.equinox.p2.engine.IProfile;
import org.eclipse.equinox.p2.engine.IProfileRegistry;
import org.eclipse.equinox.p2.metadata.IInstallableUnit;
import org.eclipse.equinox.p2.operations.ProvisioningJob;
import org.eclipse.equinox.p2.operations.ProvisioningSession;
import org.eclipse.equinox.p2.operations.UpdateOperation;
import org.eclipse.equinox.p2.query.QueryUtil;
import org.eclipse.equinox.p2.repository.artifact.IArtifactRepositoryManager;
import org.eclipse.equinox.p2.repository.metadata.IMetadataRepositoryManager;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code manabi update}: updates this installation from a p2 update site (the one the product names, or
 * {@code --repository}) with p2's own operations, as Help → Check for Updates would. The new version runs from
 * the next start. Exit 0 when updated or already up to date, 1 when the site cannot be read or the update
 * cannot be installed (the message names the site), 2 for a usage error.
 */
@Command(mixinStandardHelpOptions = true)
final class UpdateCommand implements Callable<Integer> {

    /** The configuration property (config.ini, set by the product file) that names this installation's update site. */
    static final String SITE_PROPERTY = "manabi.update.site";

    /** The installable unit of the product: the root of an installation's p2 profile. */
    private static final String PRODUCT_UNIT = "org.manabi.product";

    @Spec
    private CommandSpec spec;

    @Option(names = "--repository", paramLabel = "URL", descriptionKey = "option.repository")
    private String repository;

    @Override
    public Integer call() {
        CommandErrors errors = new CommandErrors(spec);
        PrintWriter out = spec.commandLine().getOut();
        try {
            BundleContext context = bundleContext(errors);
            URI site = site(context, errors);
            IProvisioningAgent agent = installationAgent(context, errors);
            IProfile installation = installedProfile(agent, errors);
            String current = productVersion(installation);
            IProgressMonitor monitor = new NullProgressMonitor();
            load(agent, site, monitor, errors);

            UpdateOperation operation = new UpdateOperation(new ProvisioningSession(agent));
            operation.setProfileId(installation.getProfileId());
            operation.getProvisioningContext().setMetadataRepositories(site);
            operation.getProvisioningContext().setArtifactRepositories(site);
            IStatus resolution = operation.resolveModal(monitor);
            if (resolution.getCode() == UpdateOperation.STATUS_NOTHING_TO_UPDATE) {
                out.println(errors.text("update.upToDate", current, site));
                return 0;
            }
            if (resolution.getSeverity() == IStatus.ERROR || resolution.getSeverity() == IStatus.CANCEL) {
                throw errors.badInput(errors.text("update.unresolvable", site, describe(resolution)));
            }
            ProvisioningJob job = operation.getProvisioningJob(monitor);
            IStatus installed = job.runModal(monitor);
            if (installed.getSeverity() == IStatus.ERROR || installed.getSeverity() == IStatus.CANCEL) {
                throw errors.badInput(errors.text("update.failed", site, describe(installed)));
            }
            out.println(errors.text("update.updated", current, newVersion(operation).orElse(current)));
            return 0;
        } catch (CommandErrors.Failure failure) {
            return errors.report(failure);
        }
    }

    private static BundleContext bundleContext(CommandErrors errors) throws CommandErrors.Failure {
        Bundle bundle = FrameworkUtil.getBundle(UpdateCommand.class);
        if (bundle == null || bundle.getBundleContext() == null) {
            throw errors.badInput(errors.text("update.notInstalled"));
        }
        return bundle.getBundleContext();
    }

    /** --repository, else the site the product names; a path without a scheme is a local folder. */
    private URI site(BundleContext context, CommandErrors errors) throws CommandErrors.Failure {
        String location = repository != null ? repository : context.getProperty(SITE_PROPERTY);
        if (location == null || location.isBlank()) {
            throw errors.usage(errors.text("update.noSite", SITE_PROPERTY));
        }
        try {
            // a scheme of one letter is a Windows drive (C:\...), not a URL
            if (location.matches("[a-zA-Z][a-zA-Z0-9+.-]+:.*")) {
                URI uri = new URI(location);
                if (uri.isOpaque()) {
                    throw new URISyntaxException(location, "not a hierarchical URL");
                }
                return uri;
            }
            return Path.of(location).toAbsolutePath().normalize().toUri();
        } catch (URISyntaxException | InvalidPathException e) {
            throw errors.badInput(errors.text("update.badSite", location, e.getMessage()));
        }
    }

    /**
     * The provisioning agent of the running installation, which p2.core registers (as "current") from the
     * installation's p2 folder ({@code eclipse.p2.data.area} in config.ini) once it is started.
     */
    private static IProvisioningAgent installationAgent(BundleContext context, CommandErrors errors)
            throws CommandErrors.Failure {
        try {
            Bundle p2 = FrameworkUtil.getBundle(IProvisioningAgent.class);
            if (p2 != null && p2.getState() != Bundle.ACTIVE) {
                p2.start(Bundle.START_TRANSIENT);
            }
            var references = context.getServiceReferences(IProvisioningAgent.class,
                    "(" + IProvisioningAgent.SERVICE_CURRENT + "=true)");
            Optional<ServiceReference<IProvisioningAgent>> current = references.stream().findFirst();
            if (current.isPresent()) {
                return context.getService(current.get());
            }
        } catch (BundleException | InvalidSyntaxException e) {
            throw errors.badInput(errors.text("update.notInstalled") + " (" + e.getMessage() + ")");
        }
        throw errors.badInput(errors.text("update.notInstalled"));
    }

    private static IProfile installedProfile(IProvisioningAgent agent, CommandErrors errors)
            throws CommandErrors.Failure {
        IProfileRegistry profiles = agent.getService(IProfileRegistry.class);
        IProfile self = profiles == null ? null : profiles.getProfile(IProfileRegistry.SELF);
        if (self == null) {
            throw errors.badInput(errors.text("update.notInstalled"));
        }
        return self;
    }

    private static String productVersion(IProfile installation) {
        return installation.query(QueryUtil.createIUQuery(PRODUCT_UNIT), null).stream()
                .map(unit -> unit.getVersion().toString()).findFirst().orElse("?");
    }

    /** Reads the site first, so that an unreachable or broken site is named as such rather than as "nothing to update". */
    private static void load(IProvisioningAgent agent, URI site, IProgressMonitor monitor, CommandErrors errors)
            throws CommandErrors.Failure {
        try {
            agent.getService(IMetadataRepositoryManager.class).loadRepository(site, monitor);
            agent.getService(IArtifactRepositoryManager.class).loadRepository(site, monitor);
        } catch (ProvisionException e) {
            throw errors.badInput(errors.text("update.unreadable", site, describe(e.getStatus())));
        }
    }

    /** The product's new version (the root unit the update replaces). */
    private static Optional<String> newVersion(UpdateOperation operation) {
        return Arrays.stream(operation.getSelectedUpdates()).map(update -> update.replacement)
                .filter(unit -> PRODUCT_UNIT.equals(unit.getId())).map(IInstallableUnit::getVersion)
                .map(Object::toString).findFirst();
    }

    /** A status and what it contains, on one line: p2 puts the reason (a missing unit, a refused file) in the children. */
    private static String describe(IStatus status) {
        return flatten(status).map(IStatus::getMessage).filter(message -> message != null && !message.isBlank())
                .distinct().collect(Collectors.joining("; "));
    }

    private static Stream<IStatus> flatten(IStatus status) {
        return Stream.concat(Stream.of(status), Arrays.stream(status.getChildren()).flatMap(UpdateCommand::flatten));
    }
}
