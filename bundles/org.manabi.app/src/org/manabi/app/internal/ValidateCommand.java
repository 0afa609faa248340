package org.manabi.app.internal;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.List;
import java.util.concurrent.Callable;

import org.manabi.content.ContentException;
import org.manabi.content.ContentProblem;
import org.manabi.content.ContentRepository;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code manabi validate}: one line per problem of the content folder on stdout, a summary on
 * stderr; exit 0 when there is no error, 1 otherwise.
 */
@Command(mixinStandardHelpOptions = true)
final class ValidateCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--content", paramLabel = "DIR", descriptionKey = "option.content")
    private Path content = Path.of("content");

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ContentRepository repository;
        try {
            repository = ContentRepository.open(content);
        } catch (ContentException e) {
            err.println(spec.qualifiedName() + ": " + e.getMessage());
            return 1;
        }
        List<ContentProblem> problems = repository.validate();
        problems.forEach(problem -> out.println(problem.format()));
        long errors = problems.stream().filter(p -> p.severity() == ContentProblem.Severity.ERROR).count();
        err.println(MessageFormat.format(spec.resourceBundle().getString("validate.summary"),
                repository.files().size(), errors,
                problems.size() - errors, repository.root()));
        return errors > 0 ? 1 : 0;
    }
}
