import { mount } from './wizard';

const root = document.getElementById('app');
if (root) mount(root);
