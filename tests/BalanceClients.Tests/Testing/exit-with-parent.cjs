// Preloaded (node --require) into every Prism server the tests start. The test process holds the only other end of this
// process's stdin, so stdin ends when the test process ends, however it ends (crash, SIGKILL, a hang killed by the runner),
// and then this process ends too: no Prism can outlive the tests that started it.
'use strict';
process.stdin.on('end', () => process.exit(0));
process.stdin.on('error', () => process.exit(0));
process.stdin.resume();
