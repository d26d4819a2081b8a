package org.zhengpaopao.identity;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The allow-list of the engine REST for everybody but {@code camunda-admin}: exactly the requests Tasklist and
 * Cockpit send for the groups that use them (recorded in a real browser session of each group), Camunda Modeler's
 * deploy, and the calls {@code docs/security.md} documents for other clients. Anything not here is refused before
 * the engine sees it ({@link EngineAccessGuard}); Camunda's authorization checks then still apply to what is here.
 * The table "Engine requests" in {@code docs/security.md} is this list, row for row (AuthorizationMatrixTests
 * compares them and probes every row).
 */
final class EngineRequests {

	/** Who sends a request; an admin sends anything. */
	enum Audience {

		/** also before login: the webapps' login page asks which engines there are */
		ANYONE("anyone"),
		/** runners, liaisons, issuing clerks, windows, the task force and managers */
		TASKLIST("Tasklist"),
		/** the task force, managers and designers */
		COCKPIT("Cockpit"),
		/** Camunda Modeler's deploy button */
		DESIGNERS("designers");

		final String label;

		Audience(String label) {
			this.label = label;
		}

		/** What a member of these groups may send as; everybody may send what {@link #ANYONE} may. */
		static Set<Audience> of(List<String> groupIds) {
			Set<Audience> audiences = EnumSet.of(ANYONE);
			for (String group : groupIds) {
				if (Groups.usesTasklist(group)) {
					audiences.add(TASKLIST);
				}
				if (Groups.COCKPIT_USERS.contains(group)) {
					audiences.add(COCKPIT);
				}
				if (group.equals(Groups.DESIGNERS)) {
					audiences.add(DESIGNERS);
				}
			}
			return audiences;
		}
	}

	/**
	 * One allowed request: the method and the path below the engine ({@code /engine-rest} or
	 * {@code /camunda/api/engine/engine/{name}}), where {@code {…}} stands for one path segment.
	 */
	record Rule(String method, String path, Set<Audience> who, String why) {

		Rule {
			who = Set.copyOf(who);
		}

		Pattern pattern() {
			StringBuilder regex = new StringBuilder();
			for (String part : path.split("(?=\\{)|(?<=\\})")) {
				// a segment is anything but a slash; a semicolon (matrix parameters) never matches
				regex.append(part.startsWith("{") ? "[^/;]+" : Pattern.quote(part));
			}
			return Pattern.compile(regex.toString());
		}
	}

	private static final Set<Audience> TASKLIST = Set.of(Audience.TASKLIST);
	private static final Set<Audience> COCKPIT = Set.of(Audience.COCKPIT);
	private static final Set<Audience> BOTH = Set.of(Audience.TASKLIST, Audience.COCKPIT);

	static final List<Rule> RULES = List.of(
			new Rule("GET", "/engine", Set.of(Audience.ANYONE), "登录页询问有哪些引擎 / the login pages list the engines"),
			// Tasklist
			new Rule("GET", "/filter", TASKLIST, "左侧的任务筛选 / the filters on the left"),
			new Rule("OPTIONS", "/filter", TASKLIST, "能否新建筛选（不能） / whether the user may create a filter (no)"),
			new Rule("GET", "/filter/count", TASKLIST, "筛选个数 / how many filters"),
			new Rule("POST", "/filter/{id}/list", TASKLIST, "筛选中的任务 / the tasks of a filter"),
			new Rule("GET", "/task/{id}", TASKLIST, "打开任务 / the open task"),
			new Rule("GET", "/task/{id}/form", TASKLIST, "任务用哪个表单 / which form the task has"),
			new Rule("GET", "/task/{id}/deployed-form", TASKLIST, "Camunda 表单 / the Camunda Form"),
			new Rule("GET", "/task/{id}/form-variables", TASKLIST, "表单中的值 / the form's values"),
			new Rule("GET", "/task/{id}/variables/{name}", TASKLIST,
					"「申请人」「证明文件」页签读办件编号 / the 申请人 and 证明文件 tabs read the case number"),
			new Rule("GET", "/task/{id}/comment", TASKLIST, "「历史」页签 / the history tab"),
			new Rule("GET", "/history/user-operation", TASKLIST, "「历史」页签 / the history tab"),
			new Rule("GET", "/history/user-operation/count", TASKLIST, "「历史」页签 / the history tab"),
			new Rule("POST", "/task/{id}/claim", TASKLIST, "认领，只为自己 / claim, for oneself only"),
			new Rule("POST", "/task/{id}/unclaim", TASKLIST,
					"取消认领，只限认领人和工作专班 / give a claim back: its holder or the task force"),
			new Rule("POST", "/task/{id}/submit-form", TASKLIST,
					"完成任务，只带表单字段 / complete with the form's fields only"),
			new Rule("POST", "/task/{id}/complete", TASKLIST,
					"其他客户端完成任务，只带表单字段 / other clients complete, with the form's fields only"),
			// both
			new Rule("GET", "/user/{id}/profile", BOTH, "页头和认领人的姓名 / names in the header and of assignees"),
			new Rule("GET", "/process-definition", BOTH, "任务卡片上的流程名、流程列表 / process names"),
			new Rule("GET", "/process-definition/count", BOTH, "流程个数 / how many processes"),
			new Rule("GET", "/process-definition/{id}/xml", BOTH, "流程图 / the diagram"),
			new Rule("GET", "/task", BOTH, "任务查询（文档中的客户端调用） / a task query (documented clients)"),
			// Cockpit
			new Rule("GET", "/process-definition/statistics", COCKPIT, "首页和流程列表 / dashboard, process list"),
			new Rule("GET", "/process-definition/{id}", COCKPIT, "流程定义页 / the process definition page"),
			new Rule("GET", "/process-definition/{id}/statistics", COCKPIT, "流程定义页 / the process definition page"),
			new Rule("POST", "/process-instance", COCKPIT, "实例列表 / instance lists"),
			new Rule("POST", "/process-instance/count", COCKPIT, "实例个数 / instance counts"),
			new Rule("GET", "/process-instance/{id}", COCKPIT, "实例页 / the instance page"),
			new Rule("GET", "/process-instance/{id}/activity-instances", COCKPIT, "实例页的流程图 / the instance's diagram"),
			new Rule("GET", "/process-instance/{id}/variables", COCKPIT,
					"实例变量（文档中的客户端调用） / the instance's variables (documented clients)"),
			new Rule("POST", "/variable-instance", COCKPIT, "「变量」页签 / the variables tab"),
			new Rule("POST", "/variable-instance/count", COCKPIT, "「变量」页签 / the variables tab"),
			new Rule("GET", "/history/process-instance", COCKPIT,
					"实例历史（文档中的客户端调用） / instance history (documented clients)"),
			new Rule("POST", "/task", COCKPIT, "「用户任务」页签、任务看板 / user tasks tab, tasks dashboard"),
			new Rule("GET", "/task/count", BOTH, "任务看板；与 /task/{id} 同形 / tasks dashboard; the shape of /task/{id}"),
			new Rule("POST", "/task/count", COCKPIT, "任务看板 / tasks dashboard"),
			new Rule("GET", "/task/report/candidate-group-count", COCKPIT, "任务看板 / tasks dashboard"),
			new Rule("POST", "/history/task/count", COCKPIT, "任务看板 / tasks dashboard"),
			new Rule("GET", "/user", COCKPIT, "任务的认领人 / assignees of tasks"),
			new Rule("POST", "/job", COCKPIT, "「作业」页签 / the jobs tab"),
			new Rule("GET", "/job/count", COCKPIT, "首页 / the dashboard"),
			new Rule("GET", "/job-definition", COCKPIT, "「作业定义」页签 / the job definitions tab"),
			new Rule("GET", "/job-definition/count", COCKPIT, "「作业定义」页签 / the job definitions tab"),
			new Rule("GET", "/job-definition/{id}", COCKPIT, "「作业定义」页签 / the job definitions tab"),
			new Rule("POST", "/external-task/count", COCKPIT, "实例页 / the instance page"),
			new Rule("GET", "/decision-definition", COCKPIT, "决策列表 / decisions"),
			new Rule("GET", "/decision-definition/count", COCKPIT, "决策列表 / decisions"),
			new Rule("GET", "/decision-definition/{id}", COCKPIT, "决策页 / a decision"),
			new Rule("GET", "/decision-definition/{id}/xml", COCKPIT, "决策表 / a decision's table"),
			new Rule("GET", "/decision-requirements-definition", COCKPIT, "决策列表 / decisions"),
			new Rule("GET", "/decision-requirements-definition/count", COCKPIT, "决策列表 / decisions"),
			new Rule("GET", "/history/decision-instance", COCKPIT, "决策实例 / decision instances"),
			new Rule("GET", "/history/decision-instance/count", COCKPIT, "决策实例 / decision instances"),
			new Rule("GET", "/case-definition/count", COCKPIT, "首页 / the dashboard"),
			new Rule("GET", "/batch/statistics", COCKPIT, "首页的批处理 / batches on the dashboard"),
			new Rule("GET", "/batch/statistics/count", COCKPIT, "首页的批处理 / batches on the dashboard"),
			new Rule("GET", "/history/batch", COCKPIT, "首页的批处理 / batches on the dashboard"),
			new Rule("GET", "/history/batch/count", COCKPIT, "首页的批处理 / batches on the dashboard"),
			new Rule("GET", "/deployment", Set.of(Audience.COCKPIT, Audience.DESIGNERS),
					"部署列表；Modeler 的连接检查 / deployments; Modeler's connection check"),
			new Rule("GET", "/deployment/count", COCKPIT, "部署列表 / deployments"),
			new Rule("GET", "/deployment/{id}/resources", COCKPIT, "部署的文件 / a deployment's files"),
			new Rule("GET", "/deployment/{id}/resources/{resource}/data", COCKPIT, "查看部署的文件 / a file's content"),
			// Camunda Modeler
			new Rule("GET", "/version", Set.of(Audience.DESIGNERS), "Modeler 查询引擎版本 / Modeler asks the version"),
			new Rule("POST", "/deployment/create", Set.of(Audience.DESIGNERS),
					"Modeler 的部署按钮（测试实例） / Modeler's deploy button (test instances)"));

	private static final List<Pattern> PATTERNS = RULES.stream().map(Rule::pattern).toList();

	private EngineRequests() {
	}

	/** Whether the request (its path below the engine) is on the list for one of the audiences. */
	static boolean allows(String method, String path, Set<Audience> audiences) {
		for (int i = 0; i < RULES.size(); i++) {
			Rule rule = RULES.get(i);
			if (rule.method().equals(method) && PATTERNS.get(i).matcher(path).matches()
					&& rule.who().stream().anyMatch(audiences::contains)) {
				return true;
			}
		}
		return false;
	}
}
