#!/usr/bin/env node
process.stderr.write('electorate: not implemented yet\n');
process.exitCode = 1;
