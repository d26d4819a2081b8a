package org.zhengpaopao.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The files in bpmn/ open in Camunda Modeler as Camunda 7.24 models: the execution platform and version Modeler
 * reads to pick its Camunda 7 mode (without them it asks, or opens the file for Camunda 8), a diagram for every
 * element so nothing lands at 0,0, and Chinese names for what designers and users read.
 */
class ModelerReadyTests {

	static final Path MODELS = Path.of("bpmn");
	static final String BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL";
	static final String BPMNDI = "http://www.omg.org/spec/BPMN/20100524/DI";
	static final String DMN = "https://www.omg.org/spec/DMN/20191111/MODEL/";
	static final String DMNDI = "https://www.omg.org/spec/DMN/20191111/DMNDI/";
	static final String MODELER = "http://camunda.org/schema/modeler/1.0";
	static final Pattern CHINESE = Pattern.compile("\\p{IsHan}");

	/** What the diagram shows as a node: the flow nodes of the BPMN schema (tasks, events, gateways, sub-processes). */
	static final Set<String> FLOW_NODES = Set.of("startEvent", "endEvent", "intermediateCatchEvent",
			"intermediateThrowEvent", "boundaryEvent", "task", "userTask", "serviceTask", "sendTask", "receiveTask",
			"scriptTask", "businessRuleTask", "manualTask", "callActivity", "subProcess", "exclusiveGateway",
			"parallelGateway", "inclusiveGateway", "eventBasedGateway", "complexGateway");

	@Test
	void shouldDeclareCamunda7PlatformInEveryXmlModel() throws Exception {
		List<Path> files = files(".bpmn", ".dmn");
		assertThat(files).hasSizeGreaterThanOrEqualTo(4);
		for (Path file : files) {
			Element definitions = parse(file).getDocumentElement();
			assertThat(definitions.getLocalName()).as(file.toString()).isEqualTo("definitions");
			assertThat(definitions.getAttributeNS(MODELER, "executionPlatform")).as(file.toString())
				.isEqualTo("Camunda Platform");
			assertThat(definitions.getAttributeNS(MODELER, "executionPlatformVersion")).as(file.toString())
				.isEqualTo("7.24.0");
			assertThat(definitions.getAttribute("exporter")).as(file.toString()).isEqualTo("Camunda Modeler");
			assertThat(definitions.getAttribute("exporterVersion")).as(file.toString()).matches("5\\.\\d+\\.\\d+");
		}
	}

	@Test
	void shouldDeclareCamunda7PlatformInEveryForm() throws IOException {
		List<Path> files = files(".form");
		assertThat(files).hasSizeGreaterThanOrEqualTo(10);
		for (Path file : files) {
			JsonNode form = new ObjectMapper().readTree(file.toFile());
			assertThat(form.path("executionPlatform").asText()).as(file.toString()).isEqualTo("Camunda Platform");
			assertThat(form.path("executionPlatformVersion").asText()).as(file.toString()).isEqualTo("7.24.0");
			assertThat(form.path("exporter").path("name").asText()).as(file.toString()).isEqualTo("Camunda Modeler");
			assertThat(form.path("id").asText()).as(file.toString()).isNotBlank();
			assertThat(form.path("schemaVersion").isInt()).as(file.toString()).isTrue();
		}
	}

	@Test
	void shouldDrawEveryFlowNodeAndSequenceFlowOfEveryProcess() throws Exception {
		for (Path file : files(".bpmn")) {
			Document document = parse(file);
			Set<String> shapes = references(document, BPMNDI, "BPMNShape", "bpmnElement");
			Set<String> edges = references(document, BPMNDI, "BPMNEdge", "bpmnElement");
			List<Element> nodes = flowNodes(document);
			assertThat(nodes).as(file.toString()).isNotEmpty();
			for (Element node : nodes) {
				assertThat(shapes).as(file + ": shape of " + node.getAttribute("id")).contains(node.getAttribute("id"));
			}
			NodeList flows = document.getElementsByTagNameNS(BPMN, "sequenceFlow");
			assertThat(flows.getLength()).as(file.toString()).isPositive();
			for (int i = 0; i < flows.getLength(); i++) {
				String id = ((Element) flows.item(i)).getAttribute("id");
				assertThat(edges).as(file + ": edge of " + id).contains(id);
			}
		}
	}

	@Test
	void shouldDrawEveryDecision() throws Exception {
		for (Path file : files(".dmn")) {
			Document document = parse(file);
			Set<String> shapes = references(document, DMNDI, "DMNShape", "dmnElementRef");
			NodeList decisions = document.getElementsByTagNameNS(DMN, "decision");
			assertThat(decisions.getLength()).as(file.toString()).isPositive();
			for (int i = 0; i < decisions.getLength(); i++) {
				Element decision = (Element) decisions.item(i);
				assertThat(shapes).as(file + ": shape of " + decision.getAttribute("id"))
					.contains(decision.getAttribute("id"));
				assertThat(decision.getAttribute("name")).as(file + ": name").containsPattern(CHINESE);
			}
		}
	}

	/**
	 * Every flow node has a Chinese name, except a gateway that only joins paths (one way out): it asks no question,
	 * and Modeler draws it without a label.
	 */
	@Test
	void shouldNameEveryFlowNodeInChinese() throws Exception {
		for (Path file : files(".bpmn")) {
			Document document = parse(file);
			NodeList processes = document.getElementsByTagNameNS(BPMN, "process");
			for (int i = 0; i < processes.getLength(); i++) {
				assertThat(((Element) processes.item(i)).getAttribute("name")).as(file + ": process name")
					.containsPattern(CHINESE);
			}
			for (Element node : flowNodes(document)) {
				boolean joiningGateway = node.getLocalName().endsWith("Gateway")
						&& node.getElementsByTagNameNS(BPMN, "outgoing").getLength() == 1;
				if (!joiningGateway) {
					assertThat(node.getAttribute("name")).as(file + ": name of " + node.getAttribute("id"))
						.containsPattern(CHINESE);
				}
			}
		}
	}

	static List<Element> flowNodes(Document document) {
		List<Element> nodes = new ArrayList<>();
		NodeList all = document.getElementsByTagNameNS(BPMN, "*");
		for (int i = 0; i < all.getLength(); i++) {
			Node node = all.item(i);
			if (FLOW_NODES.contains(node.getLocalName())) {
				nodes.add((Element) node);
			}
		}
		return nodes;
	}

	static Set<String> references(Document document, String namespace, String element, String attribute) {
		Set<String> ids = new HashSet<>();
		NodeList list = document.getElementsByTagNameNS(namespace, element);
		for (int i = 0; i < list.getLength(); i++) {
			ids.add(((Element) list.item(i)).getAttribute(attribute));
		}
		return ids;
	}

	static List<Path> files(String... extensions) throws IOException {
		try (Stream<Path> files = Files.walk(MODELS)) {
			return files.filter(file -> Stream.of(extensions).anyMatch(file.toString()::endsWith)).sorted().toList();
		}
	}

	static Document parse(Path file) throws Exception {
		var factory = DocumentBuilderFactory.newInstance();
		factory.setNamespaceAware(true);
		// the models are ours, but a parser that reads no external entities costs nothing
		factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
		return factory.newDocumentBuilder().parse(file.toFile());
	}
}
