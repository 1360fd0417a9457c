export { answersFor, chunk } from '../../src/local/sample-data';
