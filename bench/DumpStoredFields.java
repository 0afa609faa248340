import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.Bits;

/**
 * Prints the stored fields of every live page of a page index, one sorted line per page, so that the
 * indexes two builds wrote from the same PDFs can be compared with diff (a change meant to make
 * indexing faster must not change what is stored). Run with the product's Lucene core jar:
 * {@code java -cp PRODUCT/plugins/wrapped.org.apache.lucene.lucene-core_*.jar bench/DumpStoredFields.java DATA/index}
 */
public class DumpStoredFields {

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: java -cp lucene-core.jar bench/DumpStoredFields.java INDEX-FOLDER");
            System.exit(2);
        }
        List<String> pages = new ArrayList<>();
        try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(Path.of(args[0])))) {
            for (LeafReaderContext context : reader.leaves()) {
                LeafReader leaf = context.reader();
                Bits live = leaf.getLiveDocs();
                StoredFields stored = leaf.storedFields();
                for (int doc = 0; doc < leaf.maxDoc(); doc++) {
                    if (live == null || live.get(doc)) {
                        StringBuilder line = new StringBuilder();
                        for (IndexableField field : stored.document(doc).getFields()) {
                            Object value = field.stringValue() != null ? field.stringValue() : field.numericValue();
                            line.append(field.name()).append('=')
                                    .append(String.valueOf(value).replace("\\", "\\\\").replace("\n", "\\n")).append('\t');
                        }
                        pages.add(line.toString());
                    }
                }
            }
        }
        Collections.sort(pages);
        pages.forEach(System.out::println);
        System.err.println(pages.size() + " pages");
    }
}
