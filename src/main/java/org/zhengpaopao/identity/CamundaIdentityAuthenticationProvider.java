package org.zhengpaopao.identity;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * Staff log into the application API with the same account they use in Tasklist: Camunda's identity service
 * checks the password and supplies the groups. Failed passwords are slowed down per client address by
 * {@link LoginThrottle}, in front of this; Camunda's own per-user lock is off (anybody could set it off).
 */
class CamundaIdentityAuthenticationProvider implements AuthenticationProvider {

	static final String WINDOW = "ROLE_WINDOW";
	static final String RUNNER = "ROLE_RUNNER";
	static final String CLERK = "ROLE_CLERK";
	static final String TASK_FORCE = "ROLE_TASK_FORCE";
	static final String MANAGER = "ROLE_MANAGER";
	static final String DESIGNER = "ROLE_DESIGNER";
	static final String CATALOG_MAINTAINER = "ROLE_CATALOG_MAINTAINER";
	/** 村代办员: a member of a village's {@code agents-<village>} group */
	static final String AGENT = "ROLE_AGENT";
	static final String ADMIN = "ROLE_ADMIN";

	private final IdentityService identityService;

	CamundaIdentityAuthenticationProvider(IdentityService identityService) {
		this.identityService = identityService;
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		String userId = authentication.getName();
		Object credentials = authentication.getCredentials();
		if (userId == null || userId.isBlank() || credentials == null
				|| !identityService.checkPassword(userId, credentials.toString())) {
			throw new BadCredentialsException("用户名或密码错误 / Wrong user name or password");
		}
		List<String> groupIds = identityService.createGroupQuery()
			.groupMember(userId)
			.list()
			.stream()
			.map(Group::getId)
			.toList();
		return UsernamePasswordAuthenticationToken.authenticated(userId, null, authoritiesOf(groupIds));
	}

	/**
	 * One {@code GROUP_<id>} authority per group plus the role the group stands for; shared with the webapp
	 * session authentication so that both doors grant the same.
	 */
	static List<GrantedAuthority> authoritiesOf(Collection<String> groupIds) {
		List<GrantedAuthority> authorities = new ArrayList<>();
		for (String groupId : groupIds) {
			authorities.add(new SimpleGrantedAuthority("GROUP_" + groupId));
			for (String role : rolesOf(groupId)) {
				if (authorities.stream().noneMatch(a -> a.getAuthority().equals(role))) {
					authorities.add(new SimpleGrantedAuthority(role));
				}
			}
		}
		return authorities;
	}

	/** A village's agents run their committee's certificates (a runner's rights) and take requests (the agent's own). */
	static List<String> rolesOf(String groupId) {
		if (Groups.isVillageAgents(groupId)) {
			return List.of(RUNNER, AGENT);
		}
		if (Groups.isWindow(groupId)) {
			return List.of(WINDOW);
		}
		if (Groups.isRunnerGroup(groupId)) {
			return List.of(RUNNER);
		}
		if (Groups.isIssuingClerks(groupId)) {
			return List.of(CLERK);
		}
		String role = switch (groupId) {
			case Groups.TASK_FORCE -> TASK_FORCE;
			case Groups.MANAGERS -> MANAGER;
			case Groups.DESIGNERS -> DESIGNER;
			case Groups.CATALOG_MAINTAINERS -> CATALOG_MAINTAINER;
			case Groups.ADMINS -> ADMIN;
			default -> null;
		};
		return role == null ? List.of() : List.of(role);
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}
}
