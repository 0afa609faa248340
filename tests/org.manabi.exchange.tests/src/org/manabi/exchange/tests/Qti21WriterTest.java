package org.manabi.exchange.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.manabi.exchange.ExchangeProblem;
import org.manabi.exchange.QuestionBanks;
import org.manabi.exchange.QuestionFormat;
import org.manabi.model.Quiz;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The QTI 2.1 package holds what the IMS specifications require: a manifest whose resources name files that
 * are in the zip, a test whose item references resolve, and items whose parts come in the schema's order, with
 * correct responses that name choices of the item.
 */
class Qti21WriterTest {

    private static final String QTI = "http://www.imsglobal.org/xsd/imsqti_v2p1";
    private static final String IMSCP = "http://www.imsglobal.org/xsd/imscp_v1p1";
    private static final List<String> ITEM_ORDER = List.of("responseDeclaration", "outcomeDeclaration",
            "templateDeclaration", "templateProcessing", "stylesheet", "itemBody", "responseProcessing",
            "modalFeedback");

    @Test
    void theRealQuizzesBecomeCompletePackages() throws Exception {
        for (Quiz quiz : RoundTripTest.realQuizzes()) {
            Map<String, Document> files = unzip(export(quiz, new ArrayList<>()));
            checkPackage(files, quiz.getQuestions().size());
        }
    }

    @Test
    void everyQuestionTypeOfTheTrickyBankIsAnItem() throws Exception {
        Quiz quiz = Fixtures.quiz("bank");
        QuestionBanks.addTo(quiz, QuestionBanks.read(Fixtures.bytes("tricky.gift"), QuestionFormat.GIFT));
        List<ExchangeProblem> problems = new ArrayList<>();

        Map<String, Document> files = unzip(export(quiz, problems));

        checkPackage(files, quiz.getQuestions().size());
        Element multi = files.get("items/" + quiz.getQuestions().get(5).getId() + ".xml").getDocumentElement();
        Element mapping = (Element) multi.getElementsByTagNameNS(QTI, "mapping").item(0);
        assertNotNull(mapping, "partial credit is a mapping of choices to shares");
        assertEquals(List.of("0.5", "0.5", "-0.5", "-0.5"), attributes(mapping, "mapEntry", "mappedValue"));
        assertEquals("0", mapping.getAttribute("lowerBound"));
        assertEquals("1", mapping.getAttribute("upperBound"));
        assertEquals(List.of("false"), attributes(multi, "choiceInteraction", "shuffle"), "the quiz does not shuffle");
        Element numeric = files.get("items/" + quiz.getQuestions().get(2).getId() + ".xml").getDocumentElement();
        Element equal = (Element) numeric.getElementsByTagNameNS(QTI, "equal").item(0);
        assertEquals("absolute", equal.getAttribute("toleranceMode"));
        assertEquals("1", equal.getAttribute("tolerance"));
        assertTrue(Fixtures.all(problems).contains("QTI 2.1: the feedback of choice \"PS3.15\" is not written"),
                Fixtures.all(problems));
    }

    @Test
    void identifiersAreXmlNames() throws Exception {
        Map<String, Document> files = unzip(export(Fixtures.quiz("7-bank"), new ArrayList<>()));

        assertEquals("_7-bank", files.get("test.xml").getDocumentElement().getAttribute("identifier"),
                "QTI identifiers start with a letter or _");
    }

    private static void checkPackage(Map<String, Document> files, int questions) {
        Element manifest = files.get("imsmanifest.xml").getDocumentElement();
        assertEquals(IMSCP, manifest.getNamespaceURI());
        assertEquals("manifest", manifest.getLocalName());
        Set<String> resources = new HashSet<>();
        for (Element resource : elements(manifest, IMSCP, "resource")) {
            resources.add(resource.getAttribute("identifier"));
            assertTrue(files.containsKey(resource.getAttribute("href")), resource.getAttribute("href"));
            for (Element file : elements(resource, IMSCP, "file")) {
                assertTrue(files.containsKey(file.getAttribute("href")), file.getAttribute("href"));
            }
        }
        for (Element dependency : elements(manifest, IMSCP, "dependency")) {
            assertTrue(resources.contains(dependency.getAttribute("identifierref")));
        }

        Element test = files.get("test.xml").getDocumentElement();
        assertEquals(QTI, test.getNamespaceURI());
        assertEquals("assessmentTest", test.getLocalName());
        List<Element> references = elements(test, QTI, "assessmentItemRef");
        assertEquals(questions, references.size());
        for (Element reference : references) {
            Document item = files.get(reference.getAttribute("href"));
            assertNotNull(item, reference.getAttribute("href"));
            checkItem(item.getDocumentElement(), reference.getAttribute("identifier"));
        }
    }

    private static void checkItem(Element item, String identifier) {
        assertEquals(QTI, item.getNamespaceURI());
        assertEquals("assessmentItem", item.getLocalName());
        assertEquals(identifier, item.getAttribute("identifier"));
        for (String required : List.of("title", "adaptive", "timeDependent")) {
            assertFalse(item.getAttribute(required).isEmpty(), required + " of " + identifier);
        }
        int last = -1;
        for (Node child = item.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element element) {
                int position = ITEM_ORDER.indexOf(element.getLocalName());
                assertTrue(position >= last, element.getLocalName() + " out of order in " + identifier);
                last = position;
            }
        }
        assertEquals(1, elements(item, QTI, "itemBody").size(), identifier);
        Set<String> declared = new HashSet<>(attributes(item, "responseDeclaration", "identifier"));
        for (String interaction : List.of("choiceInteraction", "textEntryInteraction", "extendedTextInteraction")) {
            for (Element element : elements(item, QTI, interaction)) {
                assertTrue(declared.contains(element.getAttribute("responseIdentifier")), identifier);
            }
        }
        List<String> choices = attributes(item, "simpleChoice", "identifier");
        for (Element declaration : elements(item, QTI, "responseDeclaration")) {
            if (declaration.getAttribute("baseType").equals("identifier")) {
                for (Element value : elements(declaration, QTI, "value")) {
                    assertTrue(choices.contains(value.getTextContent()), value.getTextContent() + " in " + identifier);
                }
            }
        }
    }

    private static byte[] export(Quiz quiz, List<ExchangeProblem> problems) throws Exception {
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        problems.addAll(QuestionBanks.write(quiz, QuestionFormat.QTI21, zip));
        return zip.toByteArray();
    }

    private static Map<String, Document> unzip(byte[] zip) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        DocumentBuilder builder = factory.newDocumentBuilder();
        Map<String, Document> files = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                files.put(entry.getName(), builder.parse(new ByteArrayInputStream(in.readAllBytes())));
            }
        }
        assertTrue(files.containsKey("imsmanifest.xml") && files.containsKey("test.xml"), files.keySet().toString());
        return files;
    }

    private static List<Element> elements(Element parent, String namespace, String name) {
        NodeList nodes = parent.getElementsByTagNameNS(namespace, name);
        List<Element> elements = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            elements.add((Element) nodes.item(i));
        }
        return elements;
    }

    private static List<String> attributes(Element parent, String name, String attribute) {
        return elements(parent, QTI, name).stream().map(e -> e.getAttribute(attribute)).toList();
    }
}
