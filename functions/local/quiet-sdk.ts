// Imported first by local entry points: Node 20 is supported here until the SDK's January 2027 cut-off,
// and the warning would bury the start banner (stack.md). Lambda runs Node 22 and never sees it.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
