package org.zhengpaopao.agent;

/** How the villager authorizes the proxy-runs: the signed paper photographed by the agent, or the one-time code. */
enum AgentAuthorization {
	/** 纸质授权委托书，村代办员拍照上传 */
	PHOTO,
	/** 短信验证码：村民收到后告知代办员，代办员在页面输入 */
	CODE
}
