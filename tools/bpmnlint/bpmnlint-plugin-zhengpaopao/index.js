// House rules, the "BPMN style" of the design. Referenced from .bpmnlintrc as plugin:zhengpaopao/recommended.
module.exports = {
  configs: {
    recommended: {
      rules: {
        'zhengpaopao/meaningful-ids': 'error',
        'zhengpaopao/process-id-kebab-case': 'error',
        'zhengpaopao/element-id-camel-case': 'error',
        'zhengpaopao/chinese-names': 'error',
        'zhengpaopao/user-task-form': 'error',
        'zhengpaopao/user-task-candidate-groups': 'error',
        'zhengpaopao/user-task-due-date': 'error',
        'zhengpaopao/history-time-to-live': 'error',
        'zhengpaopao/no-scripts': 'error',
        'zhengpaopao/delegate-expressions-only': 'error',
        'zhengpaopao/async-before-external-calls': 'error'
      }
    }
  }
};
