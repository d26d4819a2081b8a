/**
 * The thin Camunda adapter of absence cover: moves an absent person's tasks, and refuses to assign a task to
 * somebody who is absent (a task listener every user task gets when its process is parsed).
 */
package org.zhengpaopao.absence.process;
