// orval's configuration: one fetch client per upstream bundle, the base URL from each bundle's server.
const client = (name) => ({
  input: `./spec/openapi.${name}.json`,
  output: {
    target: `./orval/${name}.ts`,
    client: 'fetch',
    baseUrl: { getBaseUrlFromSpecification: true },
    override: { mutator: { path: './orval-fetcher.ts', name: 'fetcher' } },
  },
});
module.exports = { metorial: client('metorial'), devrev: client('devrev') };
