import { chromium } from '@playwright/test';
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox','--disable-background-networking'] });
for (const [w, h] of [[1920, 1080]]) {
  const p = await b.newPage({ viewport: { width: w, height: h }, reducedMotion: 'no-preference' });
  p.on('pageerror', e => console.log('err', e.message));
  p.on('console', m => m.type() === 'error' && console.log('console', m.text()));
  await p.goto('http://localhost:4190/present/#/1'); await p.waitForTimeout(800);
  for (let i = 1; i <= 9; i++) {
    await p.waitForTimeout(i === 2 ? 700 : 1600);
    await p.screenshot({ path: `/tmp/s${w}-${i}.png` });
    await p.keyboard.press('ArrowRight');
  }
  await p.close();
}
await b.close();
