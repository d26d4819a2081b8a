/** The Camunda adapter of the catalog's review: starts {@code catalog-change.bpmn} and carries its steps. */
package org.zhengpaopao.catalog.process;
