// Entry point loaded by the extension host (extensionTestsPath): runs the mocha suite.
import Mocha from 'mocha';
import { tests } from './extension.e2e';

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', timeout: 60_000, color: false, reporter: 'spec' });
  mocha.suite.emit('pre-require', globalThis, 'gov-report-e2e', mocha);
  tests();
  return new Promise((resolve, reject) => {
    mocha.run((failures) => (failures > 0 ? reject(new Error(`${failures} e2e test(s) failed`)) : resolve()));
  });
}
