package org.zhengpaopao.identity;

import java.util.List;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

/**
 * Who is logged in, for our own staff pages: they share the webapps' login (log in once, in Tasklist or on the
 * page), so they ask here instead of keeping a login of their own. Open to anybody: the answer for nobody is
 * {@code loggedIn: false}, not a 401 whose Basic challenge would make the browser ask for a password itself.
 */
@RestController
class StaffSessionController {

	private final GroupMembers members;

	StaffSessionController(GroupMembers members) {
		this.members = members;
	}

	@GetMapping("/api/session")
	@Operation(summary = "当前登录的工作人员 / The staff member logged into the webapps, and the token their changes echo",
			description = "For the staff pages. `token` is only given to a webapp session: a page sends it back in "
					+ "the X-Staff-Token header with a change (opening a proxy-run, taking an application).")
	StaffSession session(Authentication staff, HttpServletRequest request) {
		if (staff == null || staff instanceof AnonymousAuthenticationToken) {
			return new StaffSession(false, null, null, List.of(), null);
		}
		String name = members.nameOf(staff.getName());
		List<String> groups = staff.getAuthorities()
			.stream()
			.map(a -> a.getAuthority())
			.filter(a -> a.startsWith("GROUP_"))
			.map(a -> a.substring("GROUP_".length()))
			.toList();
		HttpSession session = request.getSession(false);
		return new StaffSession(true, staff.getName(), name, groups, session == null ? null : StaffPageToken.of(session));
	}

	record StaffSession(boolean loggedIn, String userId, String name, List<String> groups, String token) {
	}
}
