// Runs before first paint (inline, render-blocking on purpose): applies a stored theme choice so
// the page never flashes the wrong colours. Its SHA-256 is added to the CSP by astro.config.mjs.
try{var t=localStorage.getItem('theme');if(t==='light'||t==='dark')document.documentElement.dataset.theme=t}catch(e){}
