import { check, parse } from '../shared/src/index';
import { fixture } from './helpers/util';
const text = fixture('real', 'weihui-2023.txt');
for (let k = 0; k < 300; k++) check(parse(text));
const t = performance.now(); for (let k = 0; k < 2000; k++) check(parse(text)); console.log('mean ms', (performance.now() - t) / 2000);
const t2 = performance.now(); for (let k = 0; k < 2000; k++) parse(text); console.log('parse mean ms', (performance.now() - t2) / 2000);
