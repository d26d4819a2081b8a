package org.zhengpaopao.web;

import java.io.IOException;

import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Errors that happen outside a controller (a request the security firewall rejects, an exception in a filter)
 * reach {@code /error}; they are answered with a problem detail too, instead of Spring Boot's own JSON. Written
 * directly, whatever the client accepts, so that an error never turns into another one.
 */
@Controller
class ProblemErrorController implements ErrorController {

	@RequestMapping("${server.error.path:${error.path:/error}}")
	void error(HttpServletRequest request, HttpServletResponse response) throws IOException {
		// asked for directly, /error is just an address with nothing at it
		int status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer code ? code : 404;
		Problems.write(response, status, Problems.detail(status));
	}
}
