package org.manabi.search.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Map;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.DelegatingAnalyzerWrapper;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.cjk.CJKWidthCharFilter;
import org.apache.lucene.analysis.cjk.CJKWidthFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.ja.JapaneseBaseFormFilter;
import org.apache.lucene.analysis.ja.JapaneseKatakanaStemFilter;
import org.apache.lucene.analysis.ja.JapaneseTokenizer;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.synonym.SolrSynonymParser;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.apache.lucene.analysis.synonym.SynonymMap;

/**
 * The text analysis of slide pages. Every page is indexed twice: in {@link #JAPANESE} through
 * Kuromoji (search mode, base forms, katakana stems) and in {@link #ENGLISH} through standard
 * tokenisation with Porter stemming. Both fold full-width and half-width forms, so "ＤＩＣＯＭ"
 * finds "DICOM". At query time the field's acronyms expand to their long forms and back
 * (synonyms.txt). Analyzers are built directly rather than by SPI name, which does not cross
 * bundle boundaries in OSGi.
 */
public final class Analyzers {

    public static final String JAPANESE = "ja";
    public static final String ENGLISH = "en";

    private Analyzers() {
    }

    /** NFKC, applied to page text and queries alike (full-width digits, compatibility characters). */
    public static String normalise(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFKC);
    }

    /** What pages are indexed with. */
    public static Analyzer indexing() {
        return perField(japanese(null), english(null));
    }

    /** What queries are analysed with: the same chains, plus the acronym synonyms. */
    public static Analyzer querying() {
        Analyzer japanese = japanese(null);
        Analyzer english = english(null);
        return perField(japanese(synonyms(japanese)), english(synonyms(english)));
    }

    private static Analyzer perField(Analyzer japanese, Analyzer english) {
        Map<String, Analyzer> byField = Map.of(JAPANESE, japanese, ENGLISH, english);
        return new DelegatingAnalyzerWrapper(Analyzer.PER_FIELD_REUSE_STRATEGY) {
            @Override
            protected Analyzer getWrappedAnalyzer(String fieldName) {
                return byField.getOrDefault(fieldName, japanese);
            }
        };
    }

    private static Analyzer japanese(SynonymMap synonyms) {
        return analyzer(() -> new JapaneseTokenizer(null, true, JapaneseTokenizer.Mode.SEARCH),
                tokens -> new LowerCaseFilter(new JapaneseKatakanaStemFilter(
                        new CJKWidthFilter(new JapaneseBaseFormFilter(tokens)))),
                synonyms);
    }

    private static Analyzer english(SynonymMap synonyms) {
        return analyzer(StandardTokenizer::new,
                tokens -> new PorterStemFilter(new LowerCaseFilter(new CJKWidthFilter(tokens))), synonyms);
    }

    /** A tokenizer and its filters, after width folding of the characters, with the synonyms last if any. */
    private static Analyzer analyzer(Supplier<Tokenizer> tokenizer, UnaryOperator<TokenStream> filters,
            SynonymMap synonyms) {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer source = tokenizer.get();
                TokenStream stream = filters.apply(source);
                if (synonyms != null) {
                    stream = new SynonymGraphFilter(stream, synonyms, true);
                }
                return new TokenStreamComponents(source, stream);
            }

            @Override
            protected Reader initReader(String fieldName, Reader reader) {
                return new CJKWidthCharFilter(reader);
            }
        };
    }

    private static SynonymMap synonyms(Analyzer analyzer) {
        try (InputStream in = Analyzers.class.getResourceAsStream("/synonyms.txt")) {
            if (in == null) {
                throw new IllegalStateException("synonyms.txt is missing from the search bundle");
            }
            SolrSynonymParser parser = new SolrSynonymParser(true, true, analyzer);
            parser.parse(new InputStreamReader(in, StandardCharsets.UTF_8));
            return parser.build();
        } catch (IOException | java.text.ParseException e) {
            throw new UncheckedIOException(new IOException("synonyms.txt cannot be read: " + e.getMessage(), e));
        }
    }
}
