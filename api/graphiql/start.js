// Starts GraphiQL on /graphql; its editor's workers come from this server, not a CDN.
const WORKERS = {
  editorWorkerService: '/graphiql/monacoeditorwork/editor.worker.bundle.js',
  json: '/graphiql/monacoeditorwork/json.worker.bundle.js',
  graphql: '/graphiql/monacoeditorwork/graphql.worker..bundle.js',
};
self.MonacoEnvironment = { globalAPI: false, getWorkerUrl: (_, label) => WORKERS[label] ?? WORKERS.editorWorkerService };
YogaGraphiQL.renderYogaGraphiQL(document.getElementById('root'), { endpoint: '/graphql', title: 'innograph GraphQL' });
