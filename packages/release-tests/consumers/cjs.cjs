// A CommonJS consumer: require()s the installed client by name, runs the shared calls, prints one JSON line.
'use strict';
const lib = require('@session-obs/client');
const { readSettings, runScenario } = require('./scenario.cjs');

runScenario(lib, readSettings(process.env)).then(
  (result) => console.log(JSON.stringify({ resolved: require.resolve('@session-obs/client'), ...result })),
  (error) => {
    console.error(error);
    process.exitCode = 1;
  },
);
