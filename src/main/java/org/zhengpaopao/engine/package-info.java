/**
 * Glue between the application and the Camunda engine: engine REST errors and the task submission guard on both
 * doors of the engine API, the deployment of the models in {@code bpmn/}, the engine's metrics and the job
 * executor's health, and the engine's clock as a {@link java.time.Clock}.
 */
package org.zhengpaopao.engine;
