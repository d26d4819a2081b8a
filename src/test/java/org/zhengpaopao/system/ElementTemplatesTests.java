package org.zhengpaopao.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

import javax.xml.parsers.DocumentBuilderFactory;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.zhengpaopao.IntegrationTest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The element templates in bpmn/element-templates are what a designer picks in Camunda Modeler instead of typing
 * a bean name: every delegate bean the processes call must have one, and every template must call a bean that
 * exists, set the inputs that bean reads, and make external calls asynchronous with the retry cycle the processes
 * use. Task and execution listeners are out of scope: the Camunda 7 template format has no binding for task
 * listeners, and a template for an event would hide the event's own settings.
 */
@IntegrationTest
class ElementTemplatesTests {

	private static final String CAMUNDA = "http://camunda.org/schema/1.0/bpmn";

	private static final String BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL";

	private static final Path TEMPLATES = Path.of("bpmn", "element-templates");

	/** The binding types the Camunda 7 element template schema knows (element-templates-json-schema). */
	private static final Set<String> C7_BINDINGS = Set.of("property", "camunda:property", "camunda:inputParameter",
			"camunda:outputParameter", "camunda:in", "camunda:out", "camunda:in:businessKey",
			"camunda:executionListener", "camunda:field", "camunda:errorEventDefinition");

	@Autowired
	ApplicationContext context;

	/** One element of a process that calls a bean by {@code camunda:delegateExpression}. */
	record Use(String where, String type, boolean asyncBefore, String retryCycle, Map<String, String> inputs,
			String modelerTemplate, String modelerTemplateVersion) {
	}

	@Test
	void shouldOfferATemplateForEveryDelegateBeanTheProcessesCall() throws Exception {
		Map<String, JsonNode> templates = templatesByBean();
		Map<String, List<Use>> uses = usesByBean();
		assertThat(uses).as("the processes call delegate beans at all").isNotEmpty();
		uses.forEach((bean, list) -> {
			assertThat(templates).as("template for ${%s}", bean).containsKey(bean);
			Set<String> appliesTo = texts(templates.get(bean).get("appliesTo"));
			list.forEach(use -> assertThat(appliesTo).as("%s: template applies to its element type", use.where())
				.contains("bpmn:" + use.type()));
		});
	}

	/**
	 * The engine ignores camunda:modelerTemplate; Modeler uses it to show the template's labelled fields instead of
	 * the raw properties, so a designer edits the task the way the template means.
	 */
	@Test
	void shouldApplyTheBeansTemplateToEveryElementThatCallsIt() throws Exception {
		Map<String, JsonNode> templates = templatesByBean();
		usesByBean().forEach((bean, list) -> list.forEach(use -> {
			assertThat(use.modelerTemplate()).as("%s: camunda:modelerTemplate", use.where())
				.isEqualTo("org.zhengpaopao." + bean);
			assertThat(use.modelerTemplateVersion()).as("%s: camunda:modelerTemplateVersion", use.where())
				.isEqualTo(templates.get(bean).path("version").asText());
		}));
	}

	@Test
	void shouldPointEveryTemplateAtAnExistingDelegateBean() throws Exception {
		Set<String> ids = new TreeSet<>();
		for (JsonNode template : templates()) {
			String bean = beanOf(template);
			assertThat(bean).as("template %s names a bean by ${beanName}", template.path("id").asText()).isNotNull();
			assertThat(context.containsBean(bean)).as("bean %s exists", bean).isTrue();
			assertThat(context.getBean(bean)).as("bean %s is a service task delegate", bean)
				.isInstanceOf(JavaDelegate.class);
			assertThat(template.path("id").asText()).isEqualTo("org.zhengpaopao." + bean);
			assertThat(ids.add(template.path("id").asText())).as("template id %s is unique", bean).isTrue();
		}
	}

	@Test
	void shouldDeclareExactlyTheInputsTheProcessesSetOnThatBean() throws Exception {
		Map<String, List<Use>> uses = usesByBean();
		for (Map.Entry<String, JsonNode> entry : templatesByBean().entrySet()) {
			Map<String, JsonNode> declared = inputs(entry.getValue());
			for (Use use : uses.getOrDefault(entry.getKey(), List.of())) {
				assertThat(use.inputs().keySet()).as("%s: inputs set in the BPMN", use.where())
					.containsExactlyInAnyOrderElementsOf(declared.keySet());
				use.inputs().forEach((name, value) -> {
					JsonNode choices = declared.get(name).get("choices");
					if (choices != null) {
						assertThat(texts(choices.findValues("value"))).as("%s: %s is one of the template's choices",
								use.where(), name).contains(value);
					}
				});
			}
		}
	}

	/**
	 * Runs each bean against an execution that answers nothing but notices when the declared input is asked for,
	 * and stops there, so that no domain call happens.
	 */
	@Test
	void shouldHaveTheBeanReadEveryInputItsTemplateDeclares() throws Exception {
		int checked = 0;
		for (Map.Entry<String, JsonNode> entry : templatesByBean().entrySet()) {
			JavaDelegate bean = context.getBean(entry.getKey(), JavaDelegate.class);
			for (String input : inputs(entry.getValue()).keySet()) {
				assertThat(reads(bean, input)).as("bean %s reads its input %s", entry.getKey(), input).isTrue();
				checked++;
			}
		}
		assertThat(checked).as("inputs checked").isPositive();
	}

	@Test
	void shouldMakeExternalCallsAsynchronousWithTheRetryCycleOfTheProcesses() throws Exception {
		Map<String, List<Use>> uses = usesByBean();
		int external = 0;
		for (Map.Entry<String, JsonNode> entry : templatesByBean().entrySet()) {
			boolean async = property(entry.getValue(), "camunda:asyncBefore").map(JsonNode::asBoolean).orElse(false);
			String description = entry.getValue().path("description").asText();
			for (Use use : uses.getOrDefault(entry.getKey(), List.of())) {
				assertThat(use.asyncBefore()).as("%s: asyncBefore as in template %s", use.where(), entry.getKey())
					.isEqualTo(async);
				if (async) {
					// the template format cannot set the cycle, so its description names it for the designer
					assertThat(use.retryCycle()).as("%s: retry cycle", use.where()).isNotBlank();
					assertThat(description).as("template %s names the retry cycle", entry.getKey())
						.contains(use.retryCycle());
				}
			}
			if (async) {
				// without entriesVisible Modeler hides the "Job execution" group, and with it the retry cycle
				assertThat(entry.getValue().path("entriesVisible").asBoolean())
					.as("template %s keeps the retry cycle visible", entry.getKey()).isTrue();
				external++;
			}
		}
		assertThat(external).as("templates for external calls").isPositive();
	}

	@Test
	void shouldKeepEveryTemplateInTheCamunda7FormatWithChineseLabels() throws Exception {
		for (JsonNode template : templates()) {
			String id = template.path("id").asText();
			assertThat(template.path("$schema").asText()).as(id)
				.isEqualTo("https://unpkg.com/@camunda/element-templates-json-schema/resources/schema.json");
			assertThat(template.path("name").asText()).as("%s: Chinese name", id).containsPattern("\\p{IsHan}");
			assertThat(template.path("description").asText()).as("%s: Chinese description", id)
				.containsPattern("\\p{IsHan}");
			assertThat(template.path("version").isInt()).as("%s: version", id).isTrue();
			assertThat(texts(template.get("appliesTo"))).as("%s: appliesTo", id).isNotEmpty()
				.allMatch(type -> type.startsWith("bpmn:"));
			assertThat(template.path("properties").isArray()).as("%s: properties", id).isTrue();
			for (JsonNode property : template.get("properties")) {
				JsonNode binding = property.path("binding");
				String type = binding.path("type").asText();
				assertThat(C7_BINDINGS).as("%s: binding type", id).contains(type);
				if (Set.of("property", "camunda:property", "camunda:inputParameter", "camunda:field").contains(type)) {
					assertThat(binding.path("name").asText()).as("%s: binding name", id).isNotBlank();
				}
				String propertyType = property.path("type").asText();
				assertThat(propertyType).as("%s: property type", id)
					.isIn("String", "Text", "Hidden", "Dropdown", "Boolean");
				if ("camunda:inputParameter".equals(type)) {
					assertThat(propertyType).as("%s: input type", id).isIn("String", "Text", "Hidden", "Dropdown");
					assertThat(property.path("label").asText()).as("%s: Chinese label of %s", id, binding.path("name"))
						.containsPattern("\\p{IsHan}");
				}
				if ("Dropdown".equals(propertyType)) {
					assertThat(property.path("choices").isArray()).as("%s: dropdown choices", id).isTrue();
				}
			}
		}
	}

	// helpers //////////

	private static boolean reads(JavaDelegate bean, String input) {
		class InputRead extends RuntimeException {
			InputRead() {
				super(null, null, false, false);
			}
		}
		DelegateExecution execution = (DelegateExecution) Proxy.newProxyInstance(ElementTemplatesTests.class.getClassLoader(),
				new Class<?>[] { DelegateExecution.class }, (proxy, method, args) -> {
					if (method.getName().startsWith("getVariable") && args != null && args.length >= 1
							&& input.equals(args[0])) {
						throw new InputRead();
					}
					return switch (method.getName()) {
						case "toString" -> "execution asking for " + input;
						case "hashCode" -> System.identityHashCode(proxy);
						case "equals" -> proxy == args[0];
						default -> defaultOf(method.getReturnType());
					};
				});
		try {
			bean.execute(execution);
			return false;
		}
		catch (InputRead read) {
			return true;
		}
		catch (Exception otherwise) {
			// the bean went past its inputs without asking for this one (and failed on the empty execution)
			return false;
		}
	}

	private static Object defaultOf(Class<?> type) {
		if (!type.isPrimitive() || type == void.class) {
			return null;
		}
		if (type == boolean.class) {
			return false;
		}
		if (type == char.class) {
			return '\0';
		}
		return type == long.class ? 0L : type == double.class ? 0.0 : type == float.class ? 0f : 0;
	}

	private static List<JsonNode> templates() throws IOException {
		ObjectMapper json = new ObjectMapper();
		List<JsonNode> templates = new ArrayList<>();
		try (Stream<Path> files = Files.list(TEMPLATES)) {
			for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
				JsonNode node = json.readTree(file.toFile());
				// Modeler accepts a file holding one template or an array of them
				if (node.isArray()) {
					node.forEach(templates::add);
				}
				else {
					templates.add(node);
				}
			}
		}
		assertThat(templates).as("templates in %s", TEMPLATES).isNotEmpty();
		return templates;
	}

	private static Map<String, JsonNode> templatesByBean() throws IOException {
		Map<String, JsonNode> byBean = new TreeMap<>();
		for (JsonNode template : templates()) {
			String bean = beanOf(template);
			assertThat(byBean.put(bean, template)).as("one template for ${%s}", bean).isNull();
		}
		return byBean;
	}

	private static String beanOf(JsonNode template) {
		return property(template, "camunda:delegateExpression").map(JsonNode::asText)
			.filter(v -> v.matches("\\$\\{[A-Za-z0-9]+}"))
			.map(v -> v.substring(2, v.length() - 1))
			.orElse(null);
	}

	private static java.util.Optional<JsonNode> property(JsonNode template, String name) {
		for (JsonNode property : template.path("properties")) {
			JsonNode binding = property.path("binding");
			if ("property".equals(binding.path("type").asText()) && name.equals(binding.path("name").asText())) {
				return java.util.Optional.ofNullable(property.get("value"));
			}
		}
		return java.util.Optional.empty();
	}

	private static Map<String, JsonNode> inputs(JsonNode template) {
		Map<String, JsonNode> inputs = new LinkedHashMap<>();
		for (JsonNode property : template.path("properties")) {
			JsonNode binding = property.path("binding");
			if ("camunda:inputParameter".equals(binding.path("type").asText())) {
				inputs.put(binding.path("name").asText(), property);
			}
		}
		return inputs;
	}

	private static Set<String> texts(JsonNode array) {
		Set<String> texts = new LinkedHashSet<>();
		if (array != null) {
			array.forEach(n -> texts.add(n.asText()));
		}
		return texts;
	}

	private static Set<String> texts(List<JsonNode> nodes) {
		Set<String> texts = new LinkedHashSet<>();
		nodes.forEach(n -> texts.add(n.asText()));
		return texts;
	}

	/** Every element of bpmn/*.bpmn with a camunda:delegateExpression attribute, by the bean it calls. */
	private static Map<String, List<Use>> usesByBean() throws Exception {
		DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
		factory.setNamespaceAware(true);
		Map<String, List<Use>> uses = new TreeMap<>();
		try (Stream<Path> files = Files.list(Path.of("bpmn"))) {
			for (Path file : files.filter(f -> f.toString().endsWith(".bpmn")).sorted().toList()) {
				NodeList all = factory.newDocumentBuilder().parse(file.toFile()).getElementsByTagNameNS("*", "*");
				for (int i = 0; i < all.getLength(); i++) {
					Element element = (Element) all.item(i);
					String expression = element.getAttributeNS(CAMUNDA, "delegateExpression");
					if (expression.isEmpty()) {
						continue;
					}
					assertThat(expression).as("%s#%s calls a bean by ${beanName}", file, element.getAttribute("id"))
						.matches("\\$\\{[A-Za-z0-9]+}");
					String bean = expression.substring(2, expression.length() - 1);
					uses.computeIfAbsent(bean, b -> new ArrayList<>()).add(use(file, element));
				}
			}
		}
		return uses;
	}

	private static Use use(Path file, Element element) {
		String retryCycle = null;
		Map<String, String> inputs = new TreeMap<>();
		NodeList cycles = element.getElementsByTagNameNS(CAMUNDA, "failedJobRetryTimeCycle");
		if (cycles.getLength() > 0) {
			retryCycle = cycles.item(0).getTextContent().strip();
		}
		NodeList parameters = element.getElementsByTagNameNS(CAMUNDA, "inputParameter");
		for (int i = 0; i < parameters.getLength(); i++) {
			Element parameter = (Element) parameters.item(i);
			inputs.put(parameter.getAttribute("name"), parameter.getTextContent().strip());
		}
		assertThat(element.getNamespaceURI()).isEqualTo(BPMN);
		String type = Character.toUpperCase(element.getLocalName().charAt(0)) + element.getLocalName().substring(1);
		return new Use(file.getFileName() + "#" + element.getAttribute("id"), type,
				"true".equals(element.getAttributeNS(CAMUNDA, "asyncBefore")), retryCycle, inputs,
				element.getAttributeNS(CAMUNDA, "modelerTemplate"), element.getAttributeNS(CAMUNDA, "modelerTemplateVersion"));
	}
}
