# Object attribute and method heavy: small classes, instance attributes, method calls, properties.


class Vec:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def add(self, other):
        return Vec(self.x + other.x, self.y + other.y)

    def scale(self, k):
        return Vec(self.x * k, self.y * k)

    @property
    def norm2(self):
        return self.x * self.x + self.y * self.y


class Particle:
    def __init__(self, pos, vel):
        self.pos = pos
        self.vel = vel

    def step(self, dt):
        self.pos = self.pos.add(self.vel.scale(dt))
        if self.pos.norm2 > 100.0:
            self.vel = self.vel.scale(-1.0)


ps = [Particle(Vec(i * 0.1, -i * 0.05), Vec(1.0 - i * 0.01, 0.5)) for i in range(100)]
for _ in range(6000):
    for p in ps:
        p.step(0.01)
sx = sy = 0.0
for p in ps:
    sx += p.pos.x
    sy += p.pos.y
print(f"{sx:.6f} {sy:.6f}")
